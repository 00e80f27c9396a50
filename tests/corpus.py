"""Small made-up articles for store tests: each distinct (no near-duplicates), each
reporting one meeting that the extractor finds."""

from __future__ import annotations

import random
from pathlib import Path

SURNAMES = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim"]
SYLLABLES = ["min", "soo", "jae", "hyun", "young", "ho", "jin", "sung", "woo", "kyung", "tae"]
CITIES = ["Hà Nội", "Seoul", "Jakarta", "Băng Cốc", "Phnom Penh", "Viêng Chăn", "Manila"]
COUNTRIES = ["Indonesia", "Thái Lan", "Campuchia", "Lào", "Philippines", "Malaysia"]
FILLER = [
    "Hai bên đánh giá cao kết quả hợp tác trong lĩnh vực {topic} thời gian qua.",
    "Phía {country} đề nghị mở rộng trao đổi đoàn các cấp và giao lưu nhân dân.",
    "Các bên nhất trí thúc đẩy thương mại, đầu tư và chuyển đổi số.",
    "Hai bên cũng trao đổi về tình hình khu vực và quốc tế cùng quan tâm.",
    "Quan chức {country} khẳng định coi trọng quan hệ với các đối tác trong khu vực.",
    "Kim ngạch thương mại song phương năm {year} đạt {value} tỷ USD.",
    "Các bên cam kết phối hợp chặt chẽ tại các diễn đàn đa phương.",
    "Hai bên nhất trí tăng cường hợp tác về {topic} và phát triển nguồn nhân lực.",
    "Đại diện {country} bày tỏ mong muốn đẩy mạnh hợp tác về {topic}.",
    "Hai bên thống nhất sớm tổ chức kỳ họp tiếp theo của Ủy ban hỗn hợp.",
    "Các bên hoan nghênh những tiến triển trong thực hiện các thỏa thuận đã ký.",
    "Hai bên chia sẻ kinh nghiệm về {topic} và ứng phó biến đổi khí hậu.",
]
TOPICS = ["y tế", "giáo dục", "năng lượng", "nông nghiệp", "văn hóa", "du lịch", "an ninh mạng"]


def korean_name(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(SYLLABLES).title()}-{rng.choice(SYLLABLES)}"


def article(number: int) -> str:
    """Article `number`: a working meeting on a day of its own, with officials of its own."""
    rng = random.Random(number)
    year = 2005 + number % 20
    day, month = 1 + number % 28, 1 + (number // 28) % 12
    country = rng.choice(COUNTRIES)
    korean, other = korean_name(rng), f"{rng.choice(SURNAMES)} {rng.choice(SYLLABLES).title()}"
    lines = [
        f"Hàn Quốc và {country} tăng cường hợp tác (bài {number})",
        f"Thứ Hai, {day:02d}/{month:02d}/{year} 10:{number % 60:02d}",
        (
            f"Ngày {day}/{month}, tại {rng.choice(CITIES)}, Thứ trưởng Ngoại giao Hàn Quốc "
            f"{korean} đã hội đàm với Thứ trưởng Ngoại giao {country} {other}."
        ),
    ]
    for sentence in rng.sample(FILLER, 6):
        lines.append(
            sentence.format(
                topic=rng.choice(TOPICS),
                country=country,
                year=year - 1,
                value=f"{rng.randint(2, 90)},{rng.randint(1, 9)}",
            )
        )
    lines.append(f"Bài viết số {number} ghi nhận {rng.randint(100, 999)} ý kiến bạn đọc.")
    return "\n".join(lines) + "\n"


def write(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(start, start + count):
        path = folder / f"a{number:05d}.txt"
        path.write_text(article(number), encoding="utf-8")
        paths.append(path)
    return paths
