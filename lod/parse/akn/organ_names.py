"""The organs a French, Spanish, Russian, Arabic or Chinese text names around the numbers it cites: the two
whose resolutions a number names (ORGANS), the Human Rights Council, the other organs that number theirs alike
(OTHER_ORGAN), the commissions whose resolutions the Council annexes (COMMISSIONS) and a commission's word for
itself in its own text (ITSELF). Read by lod.parse.akn.printed (whose a number is) and lod.parse.akn.slips
(which links are the file's slips).
"""

from __future__ import annotations

import re

ORGANS = {
    "ga": re.compile(r"Assemblée générale|Asamblea General|Генеральн\w+ Ассамбле\w+|الجمعية العامة|大会", re.IGNORECASE),
    "ecosoc": re.compile(r"Conseil économique et social|Consejo Económico y Social|Экономическ\w+ и Социальн\w+ Совет\w*"
                         r"|المجلس الاقتصادي والاجتماعي|经济及社会理事会|经社理事会", re.IGNORECASE),
}
"""The two organs whose resolutions a number names, as the five languages write them."""
HUMAN_RIGHTS_COUNCIL = re.compile(r"Conseil des droits de l[’']homme|Consejo de Derechos Humanos|Совет\w* по правам человека"
                                  r"|مجلس حقوق الإنسان|人权理事会", re.IGNORECASE)
"""The one other organ whose numbers a clause naming it alone is read for ("les résolutions 27/22, 32/21 et 44/16
du Conseil des droits de l’homme", "резолюцию 46/6 Совета по правам человека от 23 марта 2021 года"), where no
possessive makes them the text's own and no date printed with one contradicts its session."""
OTHER_ORGAN = re.compile(r"Commission|Comisión|Комисси|لجنة|Comité|Комитет|委员会|Conseil de sécurité|Consejo de Seguridad"
                         r"|Совет\w* Безопасности|مجلس الأمن|安全理事会|安理会|" + HUMAN_RIGHTS_COUNCIL.pattern, re.IGNORECASE)
"""Organs that number their resolutions as those two do: a number beside one is left to its link."""
COMMISSIONS = {
    "escap": re.compile(r"Commission économique et sociale pour l[’']Asie et le Pacifique|Comisión Económica y Social para Asia"
                        r" y el Pacífico|Экономическ\w+ и социальн\w+ комисси\w+ для Азии и Тихого океана"
                        r"|اللجنة الاقتصادية والاجتماعية لآسيا والمحيط الهادئ|亚洲及太平洋经济社会委员会", re.IGNORECASE),
}
"""The commissions with numbers of their own (lod.bodies' conventions) whose resolutions the Council annexes, by
their names in the five languages: in an annex opening with one's formula ("La Commission économique et sociale
pour l’Asie et le Pacifique,"), "sa résolution 73/1" is that commission's (E/RES/2022/11: E/ESCAP/RES/73/1)."""
COUNCIL_SHORT_NAME = r"du Conseil|del Consejo|Совета|المجلس|(?<!人权|安全)理事会"
"""The Economic and Social Council by its short name, as its own texts print it ("résolutions du Conseil 2005/11",
"резолюциями Совета 1996/6", "لقراري المجلس 1996/6", "按照理事会…第2011/20号决议"; not the Human Rights Council's or the
Security Council's 理事会)."""
ITSELF = re.compile(r"Commission(?!\s+(?:de|d[’']|du|des|pour|sur)\b)|Comisión(?!\s+(?:de|del|para|sobre)\b)"
                    r"|Комисси\w*(?!\w)(?!\s+(?:по|для|о|при)\b)|(?<!\w)(?:ال|لل)لجنة(?!\w)(?!\s+ال)")
"""A commission's word for itself in its own text, the head with no name after it ("l’appareil de conférence de la
Commission en application de la résolution 73/1", "Комиссии во исполнение резолюции 73/1", "هيكل مؤتمرات اللجنة
عملا بالقرار 73/1"): not another organ; "la Commission de statistique", "لجنة وضع المرأة" are."""


def other_named(text: str, start: int, width: int, own: str | None) -> bool:
    """Whether another organ is named in the `width` characters before `start`; in a commission's own text (an
    annex of COMMISSIONS) not the commission itself, by its name ("…亚洲及太平洋经济社会委员会会议结构的2017年5月19日第73/1号
    决议") or its word for itself (ITSELF)."""
    others = list(OTHER_ORGAN.finditer(text, max(0, start - width), start))
    if not others or own not in COMMISSIONS:
        return bool(others)
    near = (max(0, start - width - 80), start)
    itself = [m.span() for pattern in (COMMISSIONS[own], ITSELF) for m in pattern.finditer(text, *near)]
    return any(not any(s <= m.start() and m.end() <= e for s, e in itself) for m in others)
