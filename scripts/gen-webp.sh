#!/usr/bin/env bash
# gen-webp: remake the WebP fixtures in testdata/images from webp.html with
# headless Chromium's canvas encoder (libwebp), keeping only the image
# chunk (VP8 or VP8L) of each: simple-format WebP files, without the
# browser's colour profile. Run by hand when the pictures change; the
# files are committed, so tests need no browser.
set -euo pipefail
dir=$(cd "$(dirname "$0")/../testdata/images" && pwd)
chromium --headless --no-sandbox --disable-gpu --dump-dom "$dir/webp.html" 2>/dev/null |
	grep -o 'data:image/webp;base64,[A-Za-z0-9+/=]*' | sed 's/^data:image\/webp;base64,//' |
	{
		read -r lossy
		read -r lossless
		printf '%s' "$lossy" | base64 -d > "$dir/.lossy.tmp"
		printf '%s' "$lossless" | base64 -d > "$dir/.lossless.tmp"
	}
# simple keeps the RIFF header and the one VP8/VP8L chunk of an extended file.
simple() {
	python3 - "$1" "$2" <<'PY'
import struct, sys
data = open(sys.argv[1], 'rb').read()
i = 12
while i < len(data):
    tag, n = data[i:i+4], struct.unpack('<I', data[i+4:i+8])[0]
    if tag in (b'VP8 ', b'VP8L'):
        chunk = data[i:i+8+n+(n & 1)]
        open(sys.argv[2], 'wb').write(b'RIFF' + struct.pack('<I', 4 + len(chunk)) + b'WEBP' + chunk)
        break
    i += 8 + n + (n & 1)
else:
    sys.exit('no image chunk in ' + sys.argv[1])
PY
}
simple "$dir/.lossy.tmp" "$dir/sunset.lossy.webp"
simple "$dir/.lossless.tmp" "$dir/bars.lossless.webp"
rm -f "$dir/.lossy.tmp" "$dir/.lossless.tmp"
ls -l "$dir"/*.webp
