"""`python -m assembler.cli`: the `assembler` command."""

from assembler.cli import main

main(prog_name="assembler")
