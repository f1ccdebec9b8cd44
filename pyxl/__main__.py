import sys

from pyxl.cli import main

sys.exit(main())
