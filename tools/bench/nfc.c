/* nfc.c - a lower bound for `make bench`: ICU's NFC normalization alone over a file, the way
 * whomet must see the text (UTF-8 decoded to UTF-16, then normalized), in 1 MiB pieces cut
 * at line ends. Prints the number of UTF-16 units written so the work cannot be skipped. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

enum { PIECE = 1 << 20 };

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: nfc FILE\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    char *bytes = malloc(2 * PIECE);
    UChar *u16 = malloc(2 * PIECE * sizeof *u16), *out = malloc(4 * PIECE * sizeof *out);
    if (U_FAILURE(status) || !bytes || !u16 || !out)
        return 1;
    size_t have = 0, got;
    unsigned long long total = 0;
    while ((got = fread(bytes + have, 1, PIECE, f)) > 0 || have > 0) {
        have += got;
        size_t cut = have;
        if (got > 0) {
            while (cut > 0 && bytes[cut - 1] != '\n')
                cut--;
            if (cut == 0)
                cut = have;
        }
        int32_t n = 0;
        status = U_ZERO_ERROR;
        u_strFromUTF8WithSub(u16, 2 * PIECE, &n, bytes, (int32_t)cut, 0xFFFD, NULL, &status);
        int32_t m = unorm2_normalize(nfc, u16, n, out, 4 * PIECE, &status);
        if (U_FAILURE(status)) {
            fprintf(stderr, "nfc: %s\n", u_errorName(status));
            return 1;
        }
        total += (unsigned long long)m;
        memmove(bytes, bytes + cut, have - cut);
        have -= cut;
        if (got == 0 && have == 0)
            break;
    }
    fclose(f);
    printf("%llu\n", total);
    free(bytes);
    free(u16);
    free(out);
    return 0;
}
