"""Letters and dashes written with other characters: "Ðọc thêm"
with an Icelandic eth, asides set off by em dashes."""

from diplonews.extract import extract


def test_read_more_written_with_an_eth_heads_the_list_that_ends_the_page() -> None:
    last = "Hai bên nhất trí tiếp tục phối hợp chặt chẽ trong thời gian tới."
    lines = [
        "Bộ trưởng Ngoại giao tiếp Đại sứ Ba Lan",
        "Chiều 10/3, Bộ trưởng Ngoại giao tiếp Đại sứ Ba Lan tại Hà Nội.",
        last,
        "\u00d0ọc thêm",
        "Hợp tác năng lượng: vì sao lại chậm?",
        "Đại sứ Ba Lan chào từ biệt.",
    ]
    text = "\n".join(lines)
    assert extract(text, "t", published="2025-03-11").body_end == last


def test_an_aside_set_off_by_em_dashes_gives_its_holder_the_office() -> None:
    text = (
        "Tin ngoại giao\nÔng Ahmed Ali — người đứng đầu phái đoàn Iraq — cho biết hai bên sẽ "
        "tăng cường hợp tác."
    )
    people = extract(text, "t", published="2025-01-01").people
    assert [(p.name, p.country) for p in people] == [("Ahmed Ali", "IRQ")]
