// Parsers for windows socket listings; each file exports one pure parser.
export {};
