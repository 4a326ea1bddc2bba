import { inbound, listen, outbound, profile, type Profile } from './profile';

/*
 * IIS sites are served by http.sys inside the kernel, so netstat and Get-NetTCPConnection show ports 80
 * and 443 owned by System (pid 4), as are SMB (445) and WinRM (5985); RPC (135) and Remote Desktop (3389)
 * run in svchost. Windows reports no backlog.
 */
const base: Profile = {
  listeners: [
    listen(135, 'svchost', 0, true),
    listen(445, 'System', 0, true),
    listen(3389, 'svchost', 0, true),
    listen(5985, 'System', 0, true),
  ],
  flows: [
    inbound(3389, 'svchost', 'admin', { ESTABLISHED: 1 }),
    inbound(5985, 'System', 'monitor', { ESTABLISHED: 1, TIME_WAIT: 2 }),
  ],
};

export const web = profile(
  base,
  [listen(80, 'System', 0, true), listen(443, 'System', 0, true)],
  [
    inbound(443, 'System', 'internet', { ESTABLISHED: 80, TIME_WAIT: 30, FIN_WAIT_2: 3, CLOSE_WAIT: 1 }),
    inbound(80, 'System', 'internet', { ESTABLISHED: 10, TIME_WAIT: 6 }),
    outbound(1433, 'w3wp', 'db', { ESTABLISHED: 20, TIME_WAIT: 3 }),
    outbound(6379, 'w3wp', 'cache', { ESTABLISHED: 6 }),
    outbound(443, 'w3wp', 'upstream', { ESTABLISHED: 6, TIME_WAIT: 5, CLOSE_WAIT: 1 }),
  ],
);

export const db = profile(
  base,
  [listen(1433, 'sqlservr', 0, true)],
  [
    inbound(1433, 'sqlservr', 'fleet', { ESTABLISHED: 110, TIME_WAIT: 6, CLOSE_WAIT: 1 }),
    outbound(443, 'sqlservr', 'storage', { ESTABLISHED: 1, TIME_WAIT: 2 }),
  ],
);

export const batch = profile(
  base,
  [],
  [
    outbound(1433, 'python', 'db', { ESTABLISHED: 12, TIME_WAIT: 20 }),
    outbound(443, 'python', 'storage', { ESTABLISHED: 30, TIME_WAIT: 60 }),
    outbound(443, 'python', 'upstream', { ESTABLISHED: 4, TIME_WAIT: 8 }),
    outbound(9092, 'java', 'broker', { ESTABLISHED: 20 }),
  ],
);
