import type { TcpState } from '../states/tcp-state';

/** The identifiers of the per-OS vocabularies. */
export type VocabularyId =
  | 'linux-kernel'
  | 'linux-ss'
  | 'linux-netstat'
  | 'macos'
  | 'freebsd'
  | 'windows-mib'
  | 'windows-netstat'
  | 'powershell'
  | 'illumos';

/** One spelling (and, where the OS numbers its states, one code) of a state in one vocabulary. */
export interface VocabularyEntry {
  /** The spelling exactly as the OS or tool prints it (or, for kernel tables, the constant's name). */
  readonly name: string;
  /** The numeric code, where the OS has one (the value of the constant named in `name`). */
  readonly code?: number;
  /** The canonical state this entry means. */
  readonly state: TcpState;
}

/** How one operating system or tool names and numbers TCP states, with its primary source. */
export interface Vocabulary {
  readonly id: VocabularyId;
  /** Who speaks it: "Linux kernel", "iproute2 ss", "Windows netstat.exe", ... */
  readonly title: string;
  /** The primary source the entries were checked against: header or source file, and where. */
  readonly source: string;
  readonly entries: readonly VocabularyEntry[];
}
