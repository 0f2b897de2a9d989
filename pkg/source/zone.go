package source

// The time zone database is embedded (about 450 KB) so that a site's
// timezone resolves the same on machines without /usr/share/zoneinfo
// (Windows, minimal containers). Go still prefers the system's copy when
// there is one.
import _ "time/tzdata"
