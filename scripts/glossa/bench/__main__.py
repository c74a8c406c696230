"""`python -m glossa.bench`: the cold build's benchmark (glossa.bench.build)."""

import sys

from glossa.bench.build import main

sys.exit(main())
