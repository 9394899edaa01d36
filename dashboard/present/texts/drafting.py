"""Drafting claims on the data-health page: each article's uncaptured figures and its draft."""

TEXTS: dict[str, tuple[str, str]] = {
    # (zh, en)
    "drafting.title": ("待录入数字的草稿", "Drafts for uncaptured figures"),
    "drafting.help": (
        "按规则为尚未录入的数字起草的数据条目：单位、限定词、状态、类型、时期、地点和指标均由原文"
        "提示词和登记表推断，每条的 note 说明依据。草稿不是事实：请逐条核对；无法判断的字段写作 "
        "draft.undecided，校验会报告 draft-field 问题。保存到 data/claims/ 后与其他修改一样自动"
        "重新加载并校验。",
        "Records drafted by rules for the figures no claim records yet: unit, qualifier, status, "
        "kind, period, site and metric come from cue words in the text and the registries, and "
        "each note says what decided them. A draft is not a fact: review every record; a field "
        "no rule decides is draft.undecided, which validation reports as draft-field. Saved into "
        "data/claims/, it is reloaded and checked like any other edit.",
    ),
    "drafting.none": (
        "没有待起草的数字：每个数字都已录入或被排除。",
        "Nothing to draft: every figure is recorded or excluded.",
    ),
    "drafting.article": (
        "{source}《{title}》：{n} 个数字，{undecided} 个字段待定",
        "{source} “{title}”: {n} figures, {undecided} fields undecided",
    ),
    "drafting.pick": ("文章", "Article"),
    "drafting.option": (
        "{source}《{title}》：{n} 个数字未录入",
        "{source} “{title}”: {n} figures uncaptured",
    ),
    "drafting.download": ("下载草稿 {file}", "Download draft {file}"),
    "drafting.command": (
        "或在命令行生成同一文件：",
        "Or write the same file from the command line:",
    ),
    "drafting.undecided": ("待定", "undecided"),
    "drafting.figure": ("数字", "Figure"),
    "drafting.site": ("地点", "Site"),
    "drafting.metric": ("指标", "Metric"),
    "drafting.period": ("时期", "Period"),
    "drafting.status": ("状态", "Status"),
    "drafting.kind": ("类型", "Kind"),
    "drafting.quote": ("原文", "Quote"),
}
