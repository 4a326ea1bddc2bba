/**
 * Host names as operators write them: letters, digits, dots, hyphens and underscores (RFC 1123 names, plus
 * the underscores Windows allows in NetBIOS-derived names). Nothing that needs escaping in a shell, a URL
 * or HTML.
 */
export const HOSTNAME_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?$/;

/** Label keys in the Kubernetes style: a letter or digit first, then letters, digits, `._-/`. */
export const LABEL_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

/** Printable text without control characters (labels, process names, warnings). */
export const PRINTABLE_PATTERN = /^[^\p{Cc}]*$/u;
