"""The data-health page: problems, files, vocabulary, coverage."""

TEXTS: dict[str, tuple[str, str]] = {
    # (zh, en)
    "health.title": ("数据健康", "Data health"),
    "health.intro": (
        "数据版本 {version}，读取于 {time}。"
        "保存 data/ 中的文件后，约两秒内自动更新，无需刷新页面。",
        "Data version {version}, read at {time}. Saving a file in data/ shows here within about "
        "two seconds, no reload needed.",
    ),
    "health.problems": ("校验问题：{n} 个", "Validation problems: {n}"),
    "health.files": ("文件状态", "Files"),
    "health.files_help": (
        "正常：显示当前文件；上次正确版本 / 暂缓 / 已删除：文件有错、正在写入、突然变短或已删除，"
        "显示的是上次正确的版本；有错：尚无正确版本，只显示其中正确的记录。",
        "ok: the file as it is; last good version / held back / missing: the file is broken, "
        "still being written, suddenly much shorter or gone, so its last good version is shown; "
        "broken: no good version yet, only its valid records are shown.",
    ),
    "health.col.file": ("文件", "File"),
    "health.col.status": ("状态", "Status"),
    "health.col.problems": ("问题数", "Problems"),
    "health.col.checked": ("上次检查", "Checked"),
    "health.col.loaded": ("所示版本读取于", "Shown version read"),
    "health.col.since": ("出错起始", "Differs since"),
    "health.col.reason": ("暂缓原因", "Held back because"),
    "health.col.where": ("位置", "Where"),
    "health.col.code": ("代码", "Code"),
    "health.col.field": ("字段", "Field"),
    "health.col.message": ("说明（英文）", "Message"),
    "health.col.hint": ("提示（英文）", "Hint"),
    "health.col.source": ("文章编号", "Article id"),
    "health.col.numbers": ("数字总数", "Numbers"),
    "health.col.claim": ("已录入", "In a claim"),
    "health.col.date": ("属于日期", "Part of a date"),
    "health.col.excluded": ("已排除", "Excluded"),
    "health.col.uncaptured": ("未录入", "Not captured"),
    "health.col.line": ("行", "Line"),
    "health.col.number": ("数字", "Number"),
    "health.col.context": ("上下文", "Context"),
    "health.vocabulary": ("指标体系", "Metric vocabulary"),
    "health.vocabulary_help": (
        "{metrics} 个指标，其中 {once} 个（{share}）只有一条数据；未关联的重复报道 {unlinked} 处。"
        "同一指标、类别与时期的数字才可比较；只有一条数据的指标无法比较。",
        "{metrics} metrics, {once} ({share}) carried by a single claim; {unlinked} unlinked "
        "repeats. Only figures of one metric, variant and period compare; a metric with one "
        "claim compares with nothing.",
    ),
    "health.disagreements": ("文章之间不一致的数字：{n} 处", "Figures articles disagree on: {n}"),
    "health.disagreements_help": (
        "不同文章对同一地点、指标、类别、时期给出了不同的数字；整理者的判断见各条数据的备注。",
        "Different articles give different figures for one site, metric, variant and period; "
        "the curator's reading is in each claim's note.",
    ),
    "vocab.metric": ("指标", "Metric"),
    "vocab.claims": ("数据条数", "Claims"),
    "vocab.facts": ("事实数", "Facts"),
    "vocab.sites": ("地点数", "Sites"),
    "vocab.periods": ("时期数", "Periods"),
    "vocab.variants": ("类别（已用/已定义）", "Variants (used / declared)"),
    "vocab.figures": ("各文章的数字", "Figures by article"),
    "health.coverage": ("覆盖情况", "Coverage"),
    "health.coverage_help": (
        "每篇文章中的数字：已录入为数据条目、属于日期、有理由排除（coverage_ignore.yaml），或尚未录入。",
        "Numbers in each article: a claim's figure, part of a date, excluded with a reason "
        "(coverage_ignore.yaml), or not yet captured.",
    ),
    "health.coverage_none": (
        "所有数字都已录入或注明排除理由。",
        "Every number is captured or excluded with a reason.",
    ),
    "problems.title": (
        "数据问题：{n} 个（其余数据照常显示）",
        "{n} data problems (the rest is shown)",
    ),
    "problems.none": ("数据检查通过，没有问题。", "The data passed every check."),
    "problems.help": (
        "有问题的记录不显示，直到修正。运行 `make validate` 查看详情。",
        "Records with problems are left out until fixed. Run `make validate` for details.",
    ),
}
