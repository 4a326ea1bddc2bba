// Parsers for Windows socket listings; each file exports one pure parser.
export { parseWindowsNetstat } from './netstat';
export { parsePowershellTable } from './powershell-table';
export { parsePowershellJson } from './powershell-json';
