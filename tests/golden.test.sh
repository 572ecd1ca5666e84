#!/bin/sh
# golden.test.sh - the end-to-end golden test: whomet's output on samples/ must equal the
# checked-in files under tests/golden/ byte for byte (see tests/golden.sh).
exec sh tests/golden.sh
