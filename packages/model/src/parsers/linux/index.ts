// Parsers for Linux socket listings; each file exports one pure parser.
export { parseProcNetTcp, type ByteOrder, type ProcNetTcpOptions } from './proc-net-tcp';
export { ProcNetTcpScanner, scanProcNetTcp, type ProcRow, type ProcRowVisitor } from './proc-scan';
export { parseSs } from './ss';
export { parseLinuxNetstat } from './netstat';
