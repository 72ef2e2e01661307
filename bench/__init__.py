"""`make bench`: the benchmarks, kept out of the shipped painguide package.

Run from the project root: `python -m bench.bench` (with `--scale N` for the synthetic
PMs), `python -m bench.lighthouse` on a built site/. The Lighthouse tool itself is
installed from bench/lighthouse/package-lock.json into bench/lighthouse/node_modules/.

Imports go one way: bench.bench uses bench.lighthouse and bench.scale, and all three use
bench.shared; nothing imports bench.bench.
"""
