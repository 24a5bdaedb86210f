import QRCode from 'qrcode';

/**
 * The address as a QR code's module matrix, row by row ('1' dark). The page draws it with SVG elements of its own,
 * so no generated markup is ever parsed into the page.
 */
export function qrMatrix(text: string): { size: number; cells: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  let cells = '';
  for (let i = 0; i < modules.size * modules.size; i++) cells += modules.data[i] ? '1' : '0';
  return { size: modules.size, cells };
}
