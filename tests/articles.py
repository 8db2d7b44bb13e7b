"""Polish test articles written for these tests, and a generator of many distinct ones."""
from __future__ import annotations

import random

FLOOD = (
    " date 2024-09-20 Powódź na południu kraju. Według wojewody ewakuowano ok. 2 tys. mieszkańców"
    " z zalanych wsi. Strażacy poinformowali, że w nocy zginęły trzy osoby.\n\n"
    "Czytaj więcej Powódź w Kotlinie Kłodzkiej. Dwie osoby zaginęły\n\n"
    "Rząd przeznaczy na pomoc dla poszkodowanych 1 mld zł.\n\nŹródło: PAP\n"
)

BORDER = (
    "Straż Graniczna podała, że w październiku odnotowano ponad 3 tys. prób nielegalnego"
    " przekroczenia granicy z Białorusią. Zatrzymano 120 osób podejrzanych o przemyt ludzi."
)

TOWNS = ["Kłodzku", "Nysie", "Opolu", "Wrocławiu", "Raciborzu", "Głuchołazach", "Lądku-Zdroju", "Stroniu Śląskim"]
CAUSES = ["ulewnych deszczy", "przerwania wału", "wezbrania rzeki", "burzy"]


def generated_article(number: int, seed: int = 0) -> str:
    """A short, unique flood report: the number and a seeded choice of facts make each one distinct."""
    pick = random.Random(seed * 1_000_003 + number)
    town, cause = pick.choice(TOWNS), pick.choice(CAUSES)
    evacuated, hurt = pick.randint(20, 5000), pick.randint(1, 90)
    return (
        f" date 2024-09-{pick.randint(10, 28)} Po nocy {cause} w {town} ewakuowano ok. {evacuated} osób."
        f" Według strażaków rannych zostało {hurt} mieszkańców, a akcja ratunkowa trwa od rana."
        f" Służby zapowiadają kolejne kontrole wałów przeciwpowodziowych (raport nr {number})."
    )
