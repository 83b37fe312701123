"""`python -m skill_tools package`: build dist/lambda.zip, the AWS Lambda deployment package.

The zip is assembled from what is installed in the current environment (offline and fast; no
registry needed), holds only what Lambda runs, and is reproducible: the same sources give the
same bytes (sorted entries, fixed timestamps and permissions, bytecode compiled in a fresh
interpreter with a fixed hash seed), so two builds can be compared with `sha256sum`.

What goes in:
- `lambda_function.py` and the `skill` package whole (the runtime: the web transport lives in
  `skill_web` and the developer tools in `skill_tools`, so nothing is left out by name), plus
  the parsed-content cache (`skill/content/.compiled/`) regenerated here so
  a read-only Lambda never has to import PyYAML or parse YAML on a cold start;
- the closure of the project's runtime requirements (pyproject.toml) minus those only the web
  service needs (`WEB_ONLY`), with environment markers evaluated for the target runtime; for
  each distribution its files from RECORD, minus `__pycache__`, tests, type stubs and
  `.dist-info` bloat (METADATA and license files stay: licenses travel with the code);
- when the building Python is the target runtime's version, `__pycache__/*.pyc` for every
  module (unchecked-hash pycs: no mtime, valid as long as nobody edits the .py in place).
"""

from __future__ import annotations

import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path, PurePosixPath

from packaging.requirements import InvalidRequirement, Requirement
from packaging.tags import parse_tag
from packaging.utils import canonicalize_name

from skill_tools.cli_args import OneLineParser, prog

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"
ZIP_NAME = "lambda.zip"
PROG = prog("package")

# Lambda's Python runtimes that this code supports (it needs 3.11+), and the glibc each one's
# Amazon Linux has: python3.11 runs on Amazon Linux 2, later ones on Amazon Linux 2023.
LAMBDA_RUNTIMES = ("python3.11", "python3.12", "python3.13", "python3.14")
_RUNTIME_GLIBC = {"python3.11": (2, 26)}
_DEFAULT_GLIBC = (2, 34)
ARCHITECTURE = "x86_64"  # template.yaml's Architectures: the wheels come from an x86_64 build

# Project requirements only the web service (skill_web) needs; Lambda never imports them.
WEB_ONLY = frozenset({"flask", "cryptography", "certifi"})
# Distributions shipped without their compiled extensions. PyYAML parses the content only when
# the parsed-content cache misses, and the zip always carries a fresh cache, so its C loader
# would speed up a path a deployed package never takes; its pure-Python loader is correct there,
# and the extension (an unstripped 2.7 MB binary) would be the largest file in the zip.
SOURCE_ONLY = frozenset({"pyyaml"})
_EXTENSION = re.compile(r"\.(so|pyd|dylib)$")

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can hold
_FILE_ATTR = 0o100644 << 16
_DIR_ATTR = (0o040755 << 16) | 0x10  # MS-DOS directory flag too
_COMPRESSLEVEL = 9
_LICENSE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)

# Runs in a fresh interpreter (no site, fixed hash seed) so that the marshalled bytes depend only
# on the sources: in a long-lived process they vary with what else has been imported.
_COMPILER = r"""
import importlib.util, json, marshal, sys
out = sys.stdout.buffer
for arcname, src in json.load(sys.stdin):
    with open(src, "rb") as f:
        source = f.read()
    try:
        code = compile(source, arcname, "exec", dont_inherit=True, optimize=0)
    except (SyntaxError, ValueError):
        out.write((0).to_bytes(8, "little"))
        continue
    pyc = (importlib.util.MAGIC_NUMBER + (1).to_bytes(4, "little")
           + importlib.util.source_hash(source) + marshal.dumps(code))
    out.write(len(pyc).to_bytes(8, "little") + pyc)
"""


class PackagingError(Exception):
    """The package cannot be built; the message is one line a developer can act on."""


@dataclass(frozen=True)
class Package:
    """A built zip: where it is, how big, what went into it."""

    path: Path
    size: int
    files: int
    runtime: str
    compiled: bool
    distributions: tuple[str, ...]
    warnings: tuple[str, ...]


# ----------------------------------------------------------------------------- requirements


def runtime_version(runtime: str) -> tuple[int, int]:
    if runtime not in LAMBDA_RUNTIMES:
        raise PackagingError(f"unsupported runtime {runtime!r} (use one of {LAMBDA_RUNTIMES})")
    major, minor = runtime.removeprefix("python").split(".")
    return int(major), int(minor)


def default_runtime() -> str:
    """The building Python's own runtime when Lambda has it (so bytecode can be compiled)."""
    here = f"python{sys.version_info.major}.{sys.version_info.minor}"
    return here if here in LAMBDA_RUNTIMES else LAMBDA_RUNTIMES[-1]


def lambda_requirements(pyproject: Path = PYPROJECT) -> list[str]:
    """The project's runtime requirements that Lambda needs: pyproject's minus `WEB_ONLY`."""
    try:
        deps = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
        reqs = [Requirement(d) for d in deps]
    except OSError as exc:
        raise PackagingError(f"cannot read {pyproject}: {exc.strerror}") from exc
    except (tomllib.TOMLDecodeError, KeyError, TypeError, InvalidRequirement) as exc:
        raise PackagingError(f"{pyproject}: no usable [project] dependencies ({exc})") from exc
    return [str(r) for r in reqs if canonicalize_name(r.name) not in WEB_ONLY]


def _marker_environment(runtime: str) -> dict[str, str]:
    major, minor = runtime_version(runtime)
    same = sys.version_info[:2] == (major, minor)
    return {
        "python_version": f"{major}.{minor}",
        "python_full_version": platform.python_version() if same else f"{major}.{minor}.0",
        "implementation_name": "cpython",
        "implementation_version": platform.python_version() if same else f"{major}.{minor}.0",
        "platform_python_implementation": "CPython",
        "os_name": "posix",
        "sys_platform": "linux",
        "platform_system": "Linux",
        "platform_machine": ARCHITECTURE,
        "platform_release": "",
        "platform_version": "",
    }


def resolve_distributions(requirements: Iterable[str], runtime: str) -> list[metadata.Distribution]:
    """The installed distributions that `requirements` need on `runtime`, sorted by name.

    Raises PackagingError naming the first requirement that is missing or whose installed
    version does not satisfy it.
    """
    env = _marker_environment(runtime)
    found: dict[str, metadata.Distribution] = {}
    done: set[tuple[str, str]] = set()
    try:
        queue = [(Requirement(r), "the project") for r in requirements]
    except InvalidRequirement as exc:
        raise PackagingError(f"invalid requirement: {exc}") from exc
    while queue:
        req, wanted_by = queue.pop(0)
        name = canonicalize_name(req.name)
        try:
            dist = found.get(name) or metadata.distribution(req.name)
        except metadata.PackageNotFoundError:
            raise PackagingError(
                f"{req.name} (required by {wanted_by}) is not installed in {sys.prefix}"
            ) from None
        version = dist.version
        if req.specifier and not req.specifier.contains(version, prereleases=True):
            raise PackagingError(
                f"{req.name} {version} is installed but {wanted_by} requires {req}"
            )
        found[name] = dist
        for extra in ("", *sorted(req.extras)):
            if (name, extra) in done:
                continue
            done.add((name, extra))
            for line in dist.requires or ():
                try:
                    child = Requirement(line)
                except InvalidRequirement:
                    continue
                if child.marker is None or child.marker.evaluate({**env, "extra": extra}):
                    queue.append((child, dist.metadata["Name"] or req.name))
    return [found[n] for n in sorted(found)]


# ----------------------------------------------------------------------------------- files


def _dist_info_keep(parts: tuple[str, ...]) -> bool:
    """Of a .dist-info folder keep METADATA (importlib.metadata.version works) and licenses."""
    rest = parts[1:]
    if rest in (("METADATA",), ("PKG-INFO",)):
        return True
    return bool(rest) and (rest[0] == "licenses" or bool(_LICENSE.match(rest[-1])))


def distribution_files(dist: metadata.Distribution, native: bool = True) -> dict[str, Path]:
    """Archive name -> installed file, for the files of `dist` that Lambda needs.

    With `native=False` compiled extension modules are left out.
    """
    files = dist.files
    if files is None:
        raise PackagingError(
            f"{dist.metadata['Name']}: no RECORD, cannot list its files (reinstall it with pip)"
        )
    out: dict[str, Path] = {}
    for f in files:
        parts = PurePosixPath(str(f).replace("\\", "/")).parts
        if not parts or parts[0] == ".." or "__pycache__" in parts:
            continue
        name = parts[-1]
        if name.endswith((".pyc", ".pyo", ".pyi")) or name == "py.typed":
            continue
        if not native and _EXTENSION.search(name):
            continue
        if parts[0].endswith((".dist-info", ".egg-info")):
            if not _dist_info_keep(parts):
                continue
        elif any(p in ("tests", "test") for p in parts[:-1]):
            continue
        out["/".join(parts)] = Path(dist.locate_file(f))
    return out


def _content_caches(skill_dir: Path) -> dict[str, Path]:
    """Refresh and return the parsed-content cache for each locale's YAML.

    Loading validates the content too, so broken content never reaches a package.
    """
    from skill import content

    out: dict[str, Path] = {}
    content_dir = skill_dir / "content"
    for yaml_file in sorted(content_dir.glob("*.yaml")):
        locale = yaml_file.stem
        try:
            document = content.read_raw(locale, content_dir)  # writes the cache as it reads
            content.parse(document, locale)
        except content.ContentError as exc:
            raise PackagingError(f"content is invalid: {exc}") from exc
        cached = content.cache_path(locale, content_dir)
        try:
            fresh = json.loads(cached.read_bytes()).get("document") == document
        except (OSError, ValueError, AttributeError):
            fresh = False
        if not fresh:
            raise PackagingError(
                f"cannot write the parsed-content cache {cached}; is the project read-only?"
            )
        out[cached.relative_to(skill_dir.parent).as_posix()] = cached
    return out


def project_files(root: Path = ROOT) -> dict[str, Path]:
    """Archive name -> file for lambda_function.py and the `skill` runtime package."""
    entry = root / "lambda_function.py"
    skill_dir = root / "skill"
    if not entry.is_file() or not (skill_dir / "__init__.py").is_file():
        raise PackagingError(f"{root} is not the project folder (no lambda_function.py, skill/)")
    out = {"lambda_function.py": entry}
    for path in sorted(skill_dir.rglob("*")):
        rel = path.relative_to(root).as_posix()
        parts = rel.split("/")
        if (
            not path.is_file()
            or any(p.startswith(".") or p == "__pycache__" for p in parts)
            or path.suffix in (".pyc", ".pyo")
            or path.name.endswith("~")
        ):
            continue
        out[rel] = path
    out.update(_content_caches(skill_dir))
    return out


# ------------------------------------------------------------------------- native code


def _wheel_tags(dist: metadata.Distribution) -> list[str]:
    text = dist.read_text("WHEEL") or ""
    return [line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("Tag:")]


def tag_fits(tag: str, runtime: str) -> bool:
    """Whether a wheel tag can load on Lambda's `runtime` (CPython, x86_64, its glibc)."""
    _, minor = runtime_version(runtime)
    glibc = _RUNTIME_GLIBC.get(runtime, _DEFAULT_GLIBC)
    legacy = {"manylinux1": (2, 5), "manylinux2010": (2, 12), "manylinux2014": (2, 17)}
    for t in parse_tag(tag):
        if t.abi == "none" and t.platform == "any":
            return True
        if t.abi not in (f"cp3{minor}", "abi3", "none"):
            continue
        if t.abi == "abi3" and not (
            t.interpreter.startswith("cp3") and int(t.interpreter[3:] or 0) <= minor
        ):
            continue
        m = re.fullmatch(r"manylinux_(\d+)_(\d+)_(\w+)", t.platform)
        needs = (int(m[1]), int(m[2])) if m else None
        arch = m[3] if m else None
        for name, version in legacy.items():
            if t.platform.startswith(name + "_"):
                needs, arch = version, t.platform[len(name) + 1 :]
        if needs is not None and arch == ARCHITECTURE and needs <= glibc:
            return True
    return False


def native_warnings(dists: Iterable[metadata.Distribution], runtime: str) -> list[str]:
    """One line per distribution whose compiled code Lambda's `runtime` cannot load."""
    out = []
    for dist in dists:
        if canonicalize_name(dist.metadata["Name"]) in SOURCE_ONLY:
            continue
        tags = _wheel_tags(dist)
        if tags and not any(tag_fits(t, runtime) for t in tags):
            out.append(
                f"{dist.metadata['Name']} is built for {tags[0]}, which Lambda {runtime} "
                f"({ARCHITECTURE}) cannot load; build on Linux {ARCHITECTURE} with Python "
                f"{runtime.removeprefix('python')}"
            )
    return out


# ------------------------------------------------------------------------------- bytecode


def _pyc_name(arcname: str, cache_tag: str) -> str:
    path = PurePosixPath(arcname)
    return str(path.parent / "__pycache__" / f"{path.stem}.{cache_tag}.pyc").removeprefix("./")


def compile_bytecode(sources: Mapping[str, Path]) -> tuple[dict[str, bytes], list[str]]:
    """Unchecked-hash pycs for the .py entries, compiled by this Python in a fresh process.

    Returns (archive name -> pyc bytes, names of files that did not compile).
    """
    jobs = [(name, str(path)) for name, path in sorted(sources.items()) if name.endswith(".py")]
    env = {"PYTHONHASHSEED": "0"}
    if "SYSTEMROOT" in os.environ:  # Windows needs it to start any process
        env["SYSTEMROOT"] = os.environ["SYSTEMROOT"]
    proc = subprocess.run(
        [sys.executable, "-S", "-s", "-P", "-c", _COMPILER],
        input=json.dumps(jobs).encode(),
        capture_output=True,
        env=env,
        check=False,
    )
    if proc.returncode != 0:
        last = (proc.stderr.decode(errors="replace").strip().splitlines() or ["?"])[-1]
        raise PackagingError(f"bytecode compilation failed: {last}")
    tag = sys.implementation.cache_tag
    data, pos, pycs, failed = proc.stdout, 0, {}, []
    for name, _ in jobs:
        size = int.from_bytes(data[pos : pos + 8], "little")
        pos += 8
        if size == 0:
            failed.append(name)
            continue
        pycs[_pyc_name(name, tag)] = data[pos : pos + size]
        pos += size
    return pycs, failed


# ------------------------------------------------------------------------------------ zip


def _directories(names: Iterable[str]) -> set[str]:
    dirs = set()
    for name in names:
        parent = PurePosixPath(name).parent
        while str(parent) != ".":
            dirs.add(f"{parent}/")
            parent = parent.parent
    return dirs


def _output_folder(output: Path) -> None:
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PackagingError(
            f"cannot create output folder {output.parent}: {exc.strerror or exc}"
        ) from exc
    if not output.parent.is_dir():
        raise PackagingError(f"output folder {output.parent} is not a folder")


def write_zip(entries: Mapping[str, bytes | Path], output: Path) -> int:
    """Write a reproducible zip atomically: a failure leaves no zip, or the previous one intact.

    Returns the zip's size in bytes.
    """
    _output_folder(output)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
    except OSError as exc:
        raise PackagingError(
            f"cannot write to output folder {output.parent}: {exc.strerror or exc}"
        ) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w") as zf:
            for name in sorted(set(entries) | _directories(entries)):
                info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
                info.create_system = 3  # Unix, so external_attr means permissions everywhere
                if name.endswith("/"):
                    info.external_attr = _DIR_ATTR
                    zf.writestr(info, b"", compress_type=zipfile.ZIP_STORED)
                    continue
                info.external_attr = _FILE_ATTR
                value = entries[name]
                data = value.read_bytes() if isinstance(value, Path) else value
                zf.writestr(
                    info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=_COMPRESSLEVEL
                )
        os.chmod(tmp, 0o644)
        os.replace(tmp, output)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        where = exc.filename or output
        raise PackagingError(f"cannot write {output}: {exc.strerror or exc} ({where})") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return output.stat().st_size


def build_zip(
    files: Mapping[str, Path],
    requirements: Iterable[str],
    output: Path,
    runtime: str | None = None,
) -> Package:
    """Build a Lambda zip of `files` (archive name -> file) plus the installed `requirements`.

    Used for the skill (`main`) and, identically, for the benchmark's hello-world baseline.
    """
    runtime = runtime or default_runtime()
    major, minor = runtime_version(runtime)
    dists = resolve_distributions(requirements, runtime)
    _output_folder(output)  # fail before the slow part
    entries: dict[str, bytes | Path] = dict(files)
    owners = dict.fromkeys(files, "the project")
    for dist in dists:
        name = dist.metadata["Name"]
        native = canonicalize_name(name) not in SOURCE_ONLY
        for arcname, path in distribution_files(dist, native=native).items():
            if arcname in entries:
                raise PackagingError(f"{arcname} is in both {owners[arcname]} and {name}")
            entries[arcname], owners[arcname] = path, name
    warnings = native_warnings(dists, runtime)
    # pycs are per interpreter: only CPython of the runtime's version writes ones Lambda reads.
    compiled = sys.implementation.name == "cpython" and sys.version_info[:2] == (major, minor)
    if compiled:
        pycs, failed = compile_bytecode({k: v for k, v in entries.items() if isinstance(v, Path)})
        entries.update(pycs)
        warnings += [f"{name} does not compile on {runtime}; shipped as source" for name in failed]
    else:
        here = f"{sys.version_info.major}.{sys.version_info.minor}"
        warnings.append(
            f"building with Python {here} for {runtime}: no bytecode compiled (every cold start "
            f"compiles in memory) and compiled extensions will not load; build with Python "
            f"{major}.{minor} for the fastest cold start"
        )
    size = write_zip(entries, output)
    return Package(
        path=output,
        size=size,
        files=len(entries),
        runtime=runtime,
        compiled=compiled,
        distributions=tuple(f"{d.metadata['Name']}=={d.version}" for d in dists),
        warnings=tuple(warnings),
    )


# ------------------------------------------------------------------------------------ CLI


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = OneLineParser(
        prog=PROG,
        description="Build the AWS Lambda deployment package (a reproducible zip) from the "
        "project and the runtime dependencies installed in this environment.",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=ROOT / "dist",
        metavar="DIR",
        help=f"folder for {ZIP_NAME} (default: dist/ in the project; created if missing)",
    )
    parser.add_argument(
        "--runtime",
        choices=LAMBDA_RUNTIMES,
        default=default_runtime(),
        help="the Lambda runtime the zip is for; bytecode is compiled only when this Python is "
        "that version (default: %(default)s, this Python's)",
    )
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    try:
        package = build_zip(
            project_files(), lambda_requirements(PYPROJECT), args.output / ZIP_NAME, args.runtime
        )
    except PackagingError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    for warning in package.warnings:
        print(f"{PROG}: warning: {warning}", file=sys.stderr)
    print(f"{_shown(package.path)}: {package.size / 2**20:.2f} MiB ({package.files} files)")
    bytecode = "with bytecode" if package.compiled else "source only (no bytecode)"
    print(
        f"for Lambda {package.runtime} {ARCHITECTURE}, {bytecode}; "
        f"{len(package.distributions)} distributions"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
