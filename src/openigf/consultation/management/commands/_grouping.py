"""What ``group_texts`` and ``group_inputs`` share: run the engine, print the result."""

import json
import time

from django.core.management.base import CommandError

from openigf.algorithms.clustering import Text, find_themes


def group_and_print(command, texts: list[Text], *, k: int, as_json: bool) -> None:
    if not 1 <= k <= len(texts):
        raise CommandError(f"k must be between 1 and the number of texts ({len(texts)}); "
                           f"{k} themes cannot be filled by {len(texts)} texts.")
    started = time.monotonic()
    result = find_themes(texts, k=k)
    seconds = round(time.monotonic() - started, 3)
    groups = [{"label": theme.label, "terms": theme.terms, "ids": theme.ids}
              for theme in result.themes]
    if as_json:
        command.stdout.write(json.dumps({"groups": groups, "ungrouped": result.ungrouped,
                                         "seconds": seconds}, ensure_ascii=False))
        return
    for n, group in enumerate(groups, 1):
        command.stdout.write(f"{n}. {group['label']} ({len(group['ids'])}): "
                             f"{', '.join(map(str, group['ids']))}")
    command.stdout.write(f"Ungrouped ({len(result.ungrouped)}): "
                         f"{', '.join(map(str, result.ungrouped))}")
    command.stdout.write(f"{seconds} s")
