package source

// The time zone database is embedded so that a site's timezone resolves
// the same on machines without /usr/share/zoneinfo (Windows, minimal
// containers). It costs 404 KiB of binary (34.6 to 35.0 MB, built with
// make build's flags). Go still prefers the system's copy, or $ZONEINFO,
// when there is one.
import _ "time/tzdata"
