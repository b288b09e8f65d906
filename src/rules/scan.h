/* The scans of signed paper attendance sheets attached to a half-day: what
 * is accepted (PDF, JPEG or PNG by their first bytes, whatever the name or
 * the type the browser declared, at most 10 MiB, not empty), the name kept
 * of the file sent, its fingerprint, its size in French.
 *
 * Pure: no I/O, no allocation, no state. libsodium computes the SHA-256
 * (crypto_hash_sha256); the caller has called sodium_init(). */
#ifndef FORMATIONS_RULES_SCAN_H
#define FORMATIONS_RULES_SCAN_H

#include <stddef.h>

/* The largest scan, in bytes (sql/0017 holds the same bound). */
#define SCAN_BYTES_MAX (10L * 1024 * 1024)
/* The name kept of the file sent: at most this many characters. */
#define SCAN_FILENAME_CHARS 100
#define SCAN_FILENAME_BUF (SCAN_FILENAME_CHARS * 4 + 1)
/* SHA-256 in lowercase hex, with its NUL. */
#define SCAN_SHA256_HEX 65
/* "10,0 Mo" and the like, with its NUL. */
#define SCAN_SIZE_FR_BUF 32

enum scan_kind { SCAN_NONE = 0, SCAN_PDF, SCAN_JPEG, SCAN_PNG };

/* What the first bytes say: "%PDF-" a PDF, FF D8 FF a JPEG, 89 50 4E 47 0D
 * 0A 1A 0A a PNG, anything else SCAN_NONE. */
enum scan_kind scan_sniff(const unsigned char *data, size_t len);

/* NULL when a file of len bytes may be kept as a scan (its kind in *kind),
 * else the French message saying what to send instead: none chosen
 * (chosen 0: the form came without a file, or with an empty name and no
 * byte), empty, neither a PDF nor a JPEG or PNG image. The size bound is
 * the request layer's (413) and checked here again. */
const char *scan_check(int chosen, const unsigned char *data, size_t len, enum scan_kind *kind);

/* "application/pdf", "image/jpeg", "image/png"; NULL for SCAN_NONE. */
const char *scan_content_type(enum scan_kind k);
/* The kind of one of those types, SCAN_NONE for any other. */
enum scan_kind scan_kind_of_type(const char *content_type);
/* "pdf", "jpg", "png": the extension of the name a download is given. */
const char *scan_extension(enum scan_kind k);
/* "PDF", "image JPEG", "image PNG", for the page. */
const char *scan_label_fr(enum scan_kind k);

/* The name kept of the file sent (for the page only: downloads are named
 * by the application): what follows the last '/' or '\', without control
 * characters, Unicode line separators or bidirectional controls (which
 * could make "gpj.exe" read "exe.jpg"), nor bytes that are not UTF-8, cut
 * at SCAN_FILENAME_CHARS characters, without spaces at either end; "" when
 * nothing is left. out has at least SCAN_FILENAME_BUF bytes. */
void scan_filename_clean(const char *name, char *out, size_t size);

/* The SHA-256 of data in lowercase hex (out: SCAN_SHA256_HEX bytes). */
void scan_sha256_hex(const unsigned char *data, size_t len, char out[SCAN_SHA256_HEX]);

/* "850 octets", "12 Ko", "1,2 Mo" (1 Ko = 1,024 bytes, rounded up below
 * 1 Mo, to one decimal above): 0, or -1 when out is too small. */
int scan_size_fr(long long bytes, char *out, size_t size);

#endif
