"""Deterministic synthetic lexicons of realistic Chinese and English names (for benchmarks).

    python benchmarks/synth.py N OUT.txt [--seed 7]

Half Chinese person and organisation names (common surnames, given-name characters and
company suffixes), half English names and product-like CamelCase words.
"""

from __future__ import annotations

import random

from common import arguments, distinct

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬建国文辉力晨宇"
    "浩然子涵欣怡梓轩雨桐思远博文俊杰嘉怡梦琪晓东志强海燕春梅家豪天佑诗雅一鸣"
)
ORG_HEAD = "华中宏盛金鑫瑞泰恒通新达天佳美康安信博远东方云海创智联科"
ORG_TAIL = ["科技", "智能", "网络", "数据", "信息", "软件", "实验室", "研究院", "资本", "传媒"]
FIRST = ["James", "Mary", "John", "Linda", "Robert", "Susan", "Michael", "Karen", "David",
         "Nancy", "Daniel", "Lisa", "Matthew", "Betty", "Anthony", "Sandra", "Mark", "Ashley",
         "Steven", "Emily", "Andrew", "Donna", "Joshua", "Michelle", "Kevin", "Carol", "Brian",
         "Amanda", "George", "Melissa", "Timothy", "Deborah", "Ravi", "Priya", "Wei", "Yuki",
         "Omar", "Fatima", "Lucas", "Sofia", "Mateo", "Chloe", "Hiroshi", "Ananya", "Karthik"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
        "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson",
        "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White",
        "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young",
        "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Patel",
        "Kumar", "Tanaka", "Okafor", "Novak", "Kowalski", "Schmidt", "Rossi", "Dubois"]
SYLLABLES = ["deep", "open", "neo", "syn", "data", "cloud", "quant", "vector", "graph", "mind",
             "flow", "spark", "stack", "lab", "bit", "byte", "core", "nova", "astra", "pixel",
             "logic", "sense", "wave", "link", "forge", "hub", "verse", "scale", "gen", "tron"]


def generate(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)

    def make() -> str:
        r = rng.random()
        if r < 0.3:
            given = rng.choice((1, 2))
            return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(given))
        if r < 0.5:
            return "".join(rng.choice(ORG_HEAD) for _ in range(2)) + rng.choice(ORG_TAIL)
        if r < 0.8:
            return f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        return "".join(rng.choice(SYLLABLES).capitalize() for _ in range(rng.choice((2, 3))))

    return distinct(n, make, "synth")


def main() -> None:
    ap = arguments(__doc__)
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("".join(t + "\n" for t in generate(a.n, a.seed)))


if __name__ == "__main__":
    main()
