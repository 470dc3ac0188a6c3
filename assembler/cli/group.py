"""The Dutch command group: Dutch names, the earlier English names as aliases, Dutch placeholders."""

from __future__ import annotations

import difflib
import sys
from collections.abc import Callable, Iterable
from typing import Any, NoReturn

import click

OPTIONS_METAVAR = "[OPTIES]"


def _suggest_dutch(
    command: click.Command, ctx: click.Context, error: click.NoSuchOption
) -> click.NoSuchOption:
    """The same error, suggesting an option by its Dutch name ('--stikt': '--streng', not '--strict')."""
    dutch = {}
    for param in command.get_params(ctx):
        names = [*param.opts, *param.secondary_opts]
        first = next((n for n in names if n.startswith("--")), None)
        dutch.update({name: first for name in names if first})
    if not error.possibilities:
        return error
    return click.NoSuchOption(
        error.option_name,
        f"{error.message}{_did_you_mean(dutch.get(p, p) for p in error.possibilities)}",
        ctx=ctx,
    )


def _did_you_mean(names: Iterable[str]) -> str:
    unique = list(dict.fromkeys(names))
    return f" Bedoelde u {' of '.join(repr(n) for n in unique)}?" if unique else ""


def interrupted() -> NoReturn:
    """Ctrl-C or SIGTERM: a Dutch line and exit 130, as a shell reports an interrupted command."""
    click.echo("Afgebroken. Er zijn geen half geschreven bestanden achtergebleven.", err=True)
    sys.exit(130)


class Command(click.Command):
    """A command whose usage line says [OPTIES] and whose typos are answered with Dutch names."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", OPTIONS_METAVAR)
        super().__init__(*args, **kwargs)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as error:
            raise _suggest_dutch(self, ctx, error) from None


class Group(click.Group):
    """Commands by their Dutch name; each earlier English name still runs it and is listed in --help."""

    command_class = Command

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", OPTIONS_METAVAR)
        kwargs.setdefault("subcommand_metavar", "OPDRACHT [ARGUMENTEN]...")
        super().__init__(*args, **kwargs)
        self.english: dict[str, str] = {}  # English alias -> Dutch name

    # An interrupt while the arguments are read, before a command's own handler runs, ends the
    # run like one during the work: not click's "Aborted!" with exit 1.
    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except KeyboardInterrupt:
            interrupted()

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            interrupted()

    def dutch_command(self, name: str, english: str | None = None) -> Callable[[Callable[..., Any]], Command]:
        """Declares a command by its Dutch name, with the English name scripts already use."""

        def register(func: Callable[..., Any]) -> Command:
            command = self.command(name)(func)
            assert isinstance(command, Command)
            if english:
                self.english[english] = name
                command.epilog = f"Oude naam, werkt ook: {english}."
            return command

        return register

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as error:
            raise _suggest_dutch(self, ctx, error) from None

    def list_commands(self, ctx: click.Context) -> list[str]:
        # In the order they are declared, which follows a user's work: nieuw, controleer, maak, ...
        return list(self.commands)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return super().get_command(ctx, self.english.get(cmd_name, cmd_name))

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0]
        if not name.startswith("-") and self.get_command(ctx, name) is None and not ctx.resilient_parsing:
            # Suggest a Dutch name, also for a typo in an English one ('valdate' -> 'controleer').
            close = difflib.get_close_matches(name, [*self.commands, *self.english])
            hint = _did_you_mean(self.english.get(c, c) for c in close)
            raise click.UsageError(f"Onbekende opdracht {name!r}.{hint}", ctx)
        _, command, rest = super().resolve_command(ctx, args)
        # The Dutch name, also when called by the English one: usage lines and errors show it.
        return (command.name if command else None), command, rest

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_commands(ctx, formatter)
        if self.english:
            with formatter.section("Oude namen (werken ook)"):
                formatter.write_dl([(old, f"= {new}") for old, new in sorted(self.english.items())])


class Count(click.IntRange):
    """A whole number within bounds, named in Dutch in its error messages."""

    name = "geheel getal"
