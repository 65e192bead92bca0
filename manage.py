#!/usr/bin/env python
from ssrhub.cli import main

if __name__ == '__main__':
    main()
