// Parsers for illumos socket listings; each file exports one pure parser.
export { parseIllumosNetstat } from './netstat';
