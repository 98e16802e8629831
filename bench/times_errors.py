#!/usr/bin/env python3
"""Lists time-expression errors on a TimeML directory, the way `score.py timeml` counts them:
missed gold expressions (fn), spurious predictions (fp) and wrong DATE/TIME values (val), one per
line with the gold type, so that errors can be filtered by class. The matching is
`timeml_errors.errors`; `bench/timeml_errors.py` shows the same errors grouped by kind.

    python3 bench/times_errors.py target/release/claimtrail ../shared/data/time/tbaq/TimeBank [KIND...]
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from timeml_errors import errors  # noqa: E402


def main():
    bin_, d = sys.argv[1], sys.argv[2]
    kinds = set(sys.argv[3:]) or {"fn", "fp", "val"}
    for c, _, typ, inner, val, ptext, got, dct, name, sent in errors(bin_, d):
        if c not in kinds:
            continue
        if c == "fn":
            print(f"fn\t{typ}\t{inner!r}\t{val}\t{dct}\t{name}\t{sent}")
        elif c == "val":
            print(f"val\t{typ}\t{inner!r}\tgold={val}\tgot={got}\tpred={ptext!r}\t{dct}\t{name}\t{sent}")
        else:
            print(f"fp\t{typ}\t{ptext!r}\t{got}\t{dct}\t{name}")


if __name__ == "__main__":
    main()
