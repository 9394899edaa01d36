"""The data-health page's causes: a file whose records are all left out, and what follows."""

TEXTS: dict[str, tuple[str, str]] = {
    # (zh, en)
    "causes.title": ("先修这些：整份文件未能读取", "Fix these first: whole files left out"),
    "causes.lost": (
        "{where} [{code}] {message}：此文件中的记录全部未读取。",
        "{where} [{code}] {message}: none of this file's records are read.",
    ),
    "causes.follow": (
        "{who}引用了此文件定义的{kind}（{codes}）。修好此文件，这 {n} 个问题多半随之消失。",
        "{who} refer to {kind} defined in this file ({codes}). "
        "Fixing the file most likely clears these {n} problems.",
    ),
    "causes.follow.one": (
        "{who}引用了此文件定义的{kind}（{codes}）。修好此文件，这个问题多半随之消失。",
        "{who} refers to {kind} defined in this file ({codes}). "
        "Fixing the file most likely clears this problem.",
    ),
    # who names the ids a lost file defines: "203 claims and 2 sites"
    "causes.ref.claims": ("{n}条数据", "{n} claims"),
    "causes.ref.claims.one": ("{n}条数据", "{n} claim"),
    "causes.ref.claim_files": ("{n}个数据条目文件", "{n} claims files"),
    "causes.ref.claim_files.one": ("{n}个数据条目文件", "{n} claims file"),
    "causes.ref.sites": ("{n}个地点", "{n} sites"),
    "causes.ref.sites.one": ("{n}个地点", "{n} site"),
    "causes.ref.metrics": ("{n}个指标", "{n} metrics"),
    "causes.ref.metrics.one": ("{n}个指标", "{n} metric"),
    "causes.ref.units": ("{n}个单位", "{n} units"),
    "causes.ref.units.one": ("{n}个单位", "{n} unit"),
    "causes.ref.exclusions": ("{n}条排除记录", "{n} coverage exclusions"),
    "causes.ref.exclusions.one": ("{n}条排除记录", "{n} coverage exclusion"),
    "causes.ref.records": ("{n}条记录", "{n} records"),
    "causes.ref.records.one": ("{n}条记录", "{n} record"),
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
