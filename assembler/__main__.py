"""`python -m assembler`: the same command as `assembler` (the editor runs its builds this way)."""

from assembler.cli import main

if __name__ == "__main__":
    main(prog_name="assembler")
