// Parsers for macOS socket listings; each file exports one pure parser.
export { parseMacosNetstat } from './netstat';
