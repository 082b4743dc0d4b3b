"""The garbage collector's thresholds during a build (lod.publish.collector): the build's own
while it runs, in the main process and in the workers it forks; the caller's after it, even when
the build fails."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

from lod.publish import BuildError, build, pipeline
from lod.publish.collector import BUILD_THRESHOLDS
from lod.publish.limits import fork_context


def _in_worker() -> tuple[int, int, int]:
    return gc.get_threshold()


def test_a_build_runs_with_its_thresholds_and_gives_the_callers_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[int, ...]] = []

    def failing_build(*arguments: object) -> None:
        seen.append(gc.get_threshold())
        with fork_context().Pool(1) as pool:  # a worker forked by the build, as every stage's are
            seen.append(pool.apply(_in_worker))
        raise OSError(28, os.strerror(28), str(tmp_path / "out"))

    before = gc.get_threshold()
    assert before != BUILD_THRESHOLDS
    monkeypatch.setattr(pipeline, "_build", failing_build)
    with pytest.raises(BuildError, match="No space left"):
        build(tmp_path, tmp_path / "out", jobs=1, progress=False)
    assert seen == [BUILD_THRESHOLDS, BUILD_THRESHOLDS]
    assert gc.get_threshold() == before
