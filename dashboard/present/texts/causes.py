"""The data-health page's causes: a file whose records are all left out, and what follows."""

TEXTS: dict[str, tuple[str, str]] = {
    # (zh, en)
    "causes.title": ("先修这些：整份文件未能读取", "Fix these first: whole files left out"),
    "causes.lost": (
        "{where} [{code}] {message}：此文件中的记录全部未读取。",
        "{where} [{code}] {message}: none of this file's records are read.",
    ),
    "causes.follow": (
        "由此引起的 {n} 个问题：它们引用的{kind}本应在此文件中定义（{codes}）。"
        "修好此文件，它们多半随之消失。",
        "{n} problems follow from it: they refer to {kind} this file would define ({codes}). "
        "Fixing the file most likely clears them.",
    ),
    "causes.none_follow": (
        "没有其他问题由它引起。",
        "No other problem follows from it.",
    ),
    "causes.show": ("列出这 {n} 个问题", "List these {n} problems"),
    "causes.others": ("其他问题：{n} 个", "Other problems: {n}"),
    "causes.kind.sites": ("地点", "sites"),
    "causes.kind.metrics": ("指标", "metrics"),
    "causes.kind.units": ("单位", "units"),
    "causes.kind.regions": ("区域", "regions"),
    "causes.kind.sources": ("文章", "articles"),
    "causes.kind.claims": ("数据条目", "claims"),
    "causes.kind.": ("记录", "records"),
}
