// Host names and labels follow the patterns of @tcpfleet/model (HOSTNAME_PATTERN, LABEL_KEY_PATTERN,
// LABEL_VALUE_PATTERN), which the agent checks its own settings with too.

/** Printable text without control characters (process names, versions, key names, warnings). */
export const PRINTABLE_PATTERN = /^[^\p{Cc}]*$/u;
