import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

/** 10/8, 172.16/12 and 192.168/16 (RFC 1918): the addresses a room's Wi-Fi or a travel router hands out. */
export function isPrivateIPv4(address: string): boolean {
  const [a = -1, b = -1] = address.split('.').map(Number);
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/** This machine's IPv4 addresses other than loopback. */
export function localIPv4Addresses(interfaces: Interfaces = networkInterfaces()): string[] {
  return Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((info) => info.family === 'IPv4' && !info.internal)
    .map((info) => info.address);
}

/**
 * Where the share listens when the trainer names no address: this machine's first private LAN address, so the
 * share is reachable from the room and from nowhere else (not on a VPN, a public or a mobile-data interface).
 * Only when the machine has no private address (an unusual network, a hotspot handing out other ranges) does it
 * fall back to 0.0.0.0, every interface, and says so, so the trainer can name one with --listen instead.
 */
export function chooseListenAddress(interfaces: Interfaces = networkInterfaces()): { address: string; note: string | null } {
  const lan = localIPv4Addresses(interfaces).find(isPrivateIPv4);
  if (lan) return { address: lan, note: null };
  return {
    address: '0.0.0.0',
    note: 'No private network address (10.x, 172.16–31.x, 192.168.x) was found, so the share listens on every interface; name one with --listen ADDRESS to limit it.',
  };
}

/** The addresses a share bound to `address` answers at: itself, or every local address for 0.0.0.0. */
export function reachableAddresses(address: string, interfaces: Interfaces = networkInterfaces()): string[] {
  if (address !== '0.0.0.0') return [address];
  const local = localIPv4Addresses(interfaces);
  return [...local.filter(isPrivateIPv4), ...local.filter((a) => !isPrivateIPv4(a)), '127.0.0.1'];
}
