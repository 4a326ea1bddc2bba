// Parsers for FreeBSD socket listings; each file exports one pure parser.
export { parseFreebsdNetstat } from './netstat';
export { parseSockstat } from './sockstat';
