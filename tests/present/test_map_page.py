"""The map page's words: periods as readers write them, the map's accessible name and the
table of its sites (its text alternative), in each language."""

from __future__ import annotations

import pytest

from dashboard.present.map import (
    is_national,
    map_alt,
    map_sites,
    period_text,
    shown_sites,
    site_table,
)


@pytest.mark.parametrize(
    ("period", "zh", "en"),
    [
        ("2024", "2024年", "2024"),
        ("2024-03", "2024年3月", "Mar 2024"),
        ("2024-03-05", "2024年3月5日", "Mar 5, 2024"),
        ("2023-Q1", "2023年第1季度", "Q1 2023"),
        ("2023-H2", "2023年下半年", "H2 2023"),
        ("2014..2024", "2014—2024年", "2014–2024"),
        ("2014..2024-05", "2014年—2024年5月", "2014–May 2024"),
        ("soon", "soon", "soon"),
    ],
)
def test_period_text_in_the_readers_words(period, zh, en):
    """A period reads 2024年3月 in Chinese and Mar 2024 in English, never 2024-03."""
    assert period_text(period, "zh") == zh
    assert period_text(period, "en") == en


def test_is_national_below_a_regions_zoom():
    """The national preset (3.3) is national; Heilongjiang's (5.5) and 京津冀's (6.5) are not."""
    assert is_national(3.3) and not is_national(5.5) and not is_national(6.5)


def test_site_table_lists_the_shown_sites_in_the_readers_language(app_dataset, app_table):
    """A preset's table lists its region's sites with their figures; headers, names and
    periods in the reader's language."""
    sites = map_sites(app_dataset, app_table, "registered_enterprises", ("actual",))
    shown = shown_sites(sites, "jingjinji")
    assert set(shown["region_id"]) == {"jingjinji"}
    assert len(shown_sites(sites, None)) == len(sites) == len(app_dataset.sites)
    zh = site_table(shown, "zh", "std", sized=True)
    assert list(zh.columns) == ["地点", "区域", "数字", "条目数"]
    row = zh[zh["地点"] == "滨海科技园"].iloc[0]
    assert row["区域"] == "京津冀" and row["数字"].endswith("（2024年3月）")
    en = site_table(shown, "en", "std", sized=False)
    assert list(en.columns) == ["Site", "Region", "Claims"]
    assert "Binhai Science Park" in set(en["Site"])


def test_map_alt_names_area_count_and_metric():
    """The accessible name says where, how many sites, what sizes them and where the table is."""
    assert map_alt(54, "京津冀", "注册企业数", "zh") == (
        "中国地图：京津冀，54 个地点，颜色表示区域，圆点大小表示“注册企业数”。"
        "地图下方的表格列出这些地点。"
    )
    assert map_alt(89, None, None, "en") == (
        "Map of China: all of China, 89 sites coloured by region. "
        "The table under the map lists them."
    )
