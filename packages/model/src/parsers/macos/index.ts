// Parsers for macos socket listings; each file exports one pure parser.
export {};
