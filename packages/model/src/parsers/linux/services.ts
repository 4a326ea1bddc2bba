/**
 * TCP port numbers of common service names, for outputs printed without `-n` (`localhost:smtp`,
 * `*:ssh`), where the tool asked getservbyport(3) for a name.
 *
 * Names and numbers are from the IANA Service Name and Transport Protocol Port Number Registry
 * (https://www.iana.org/assignments/service-names-port-numbers), TCP entries. The aliases are the
 * ones Debian's netbase /etc/services lists beside the IANA name, since tools print the first name
 * of the host's own /etc/services line (`imap2`, not `imap`, on Debian and CentOS).
 * A name missing here is reported as unresolved, never guessed.
 */
const SERVICES: Readonly<Record<string, number>> = {
  'ftp-data': 20,
  ftp: 21,
  ssh: 22,
  telnet: 23,
  smtp: 25,
  whois: 43,
  nicname: 43,
  domain: 53,
  gopher: 70,
  finger: 79,
  http: 80,
  www: 80,
  'www-http': 80,
  kerberos: 88,
  pop3: 110,
  sunrpc: 111,
  portmapper: 111,
  auth: 113,
  ident: 113,
  nntp: 119,
  ntp: 123,
  epmap: 135,
  'netbios-ssn': 139,
  imap: 143,
  imap2: 143,
  snmp: 161,
  bgp: 179,
  ldap: 389,
  https: 443,
  'microsoft-ds': 445,
  submissions: 465,
  smtps: 465,
  ssmtp: 465,
  shell: 514,
  printer: 515,
  submission: 587,
  ipp: 631,
  ldaps: 636,
  rsync: 873,
  imaps: 993,
  pop3s: 995,
  socks: 1080,
  openvpn: 1194,
  'ms-sql-s': 1433,
  nfs: 2049,
  mysql: 3306,
  'ms-wbt-server': 3389,
  epmd: 4369,
  sip: 5060,
  'xmpp-client': 5222,
  postgresql: 5432,
  postgres: 5432,
  amqp: 5672,
  rfb: 5900,
  x11: 6000,
  redis: 6379,
  'http-alt': 8080,
  webcache: 8080,
  git: 9418,
  memcache: 11211,
  mongodb: 27017,
};

/** The TCP port of a service name, or undefined when the table does not know it. */
export function servicePort(name: string): number | undefined {
  return Object.hasOwn(SERVICES, name) ? SERVICES[name] : undefined;
}
