// Reading HTTP answers off raw sockets, for tests of what happens before or around Fastify's own
// parsing (oversize request lines, half-sent requests while the server closes).
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The status and headers of an answer's head (everything before the blank line). */
export function parseHead(head: string): Omit<RawAnswer, 'body'> {
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine.split(' ')[1]), headers };
}
