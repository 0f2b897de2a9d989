package truetype

import "encoding/binary"

// checksumMagic is the constant from which head.checkSumAdjustment is
// computed ("head — Font Header Table": 0xB1B0AFBA minus the sum of the whole
// font).
const checksumMagic = 0xB1B0AFBA

// checksum is the sum of b as big-endian 32-bit words, the last one padded
// with zeros ("Calculating Checksums" in the OpenType spec's table
// directory chapter).
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	var last [4]byte
	copy(last[:], b)
	return sum + binary.BigEndian.Uint32(last[:])
}
