// Parsers for freebsd socket listings; each file exports one pure parser.
export {};
