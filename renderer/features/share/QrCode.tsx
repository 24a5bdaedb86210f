/**
 * A QR code drawn from its module matrix as one SVG path: React writes the attributes, so nothing is parsed as
 * markup. The four-module quiet zone around it is part of the code (scanners need it).
 */
export function QrCode({ qr, label }: { qr: { size: number; cells: string }; label: string }) {
  const quiet = 4;
  let d = '';
  for (let row = 0; row < qr.size; row++) {
    for (let col = 0; col < qr.size; col++) if (qr.cells[row * qr.size + col] === '1') d += `M${col + quiet} ${row + quiet}h1v1h-1z`;
  }
  const extent = qr.size + quiet * 2;
  return (
    <svg className="qr-code" viewBox={`0 0 ${extent} ${extent}`} role="img" aria-label={label} shapeRendering="crispEdges" data-qr-size={qr.size}>
      <rect width={extent} height={extent} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
