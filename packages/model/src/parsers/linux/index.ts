// Parsers for linux socket listings; each file exports one pure parser.
export {};
