"""Build the benchmark profile: ten years of demo data (3,650 check-ins, 10,000 reflections).

    python benchmarks/generate.py DATA_DIR [--years 10]

Uses the demo generator with benchmark densities (one check-in a day, a thousand
reflections a year). The profile's passphrase is ``BENCH_PASSPHRASE``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from reflect.paths import AppPaths

BENCH_PASSPHRASE = "benchmark passphrase (fictional data)"
REFLECTIONS_PER_YEAR = 1000
CHECKINS_PER_YEAR = 365


def build_profile(data_dir: Path, years: int = 10, *, calibrated_kdf: bool = True):
    """Create and fill the profile; returns (ProfileInfo, seconds spent generating).

    ``calibrated_kdf`` keys the profile like a real one (Argon2id tuned to ~0.5 s), so the
    unlock measurement includes a realistic key derivation to subtract.
    """
    from reflect.services.demo_data import fill_demo_profile
    from reflect.services.profiles import ProfileService

    paths = AppPaths(Path(data_dir)).ensure()
    service = ProfileService(paths, fast_kdf=not calibrated_kdf)
    info = service.create(BENCH_PASSPHRASE, "Benchmark (fictional)")
    session = service.unlock(info, BENCH_PASSPHRASE)
    try:
        started = time.perf_counter()
        fill_demo_profile(
            session,
            years=years,
            reflections_per_year=REFLECTIONS_PER_YEAR,
            checkins_per_year=CHECKINS_PER_YEAR,
        )
        seconds = time.perf_counter() - started
        session.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        session.close()
    return info, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir")
    parser.add_argument("--years", type=int, default=10)
    args = parser.parse_args()
    info, seconds = build_profile(Path(args.data_dir), args.years)
    print(f"Profile {info.profile_id} in {args.data_dir}: generated in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
