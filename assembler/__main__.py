"""`python -m assembler`: the same command as `assembler`."""

from assembler.cli import main

main(prog_name="assembler")
