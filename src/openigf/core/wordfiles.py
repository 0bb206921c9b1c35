"""Word documents (python-docx) that read right in the six UN languages.

Word picks a run's font by the script of its characters: Latin text takes ``w:ascii``/``w:hAnsi``,
Arabic the complex-script font ``w:cs``, Chinese the East Asian font ``w:eastAsia``. The
default template names theme fonts (Calibri, Cambria...) that cover neither Arabic nor
Chinese on many machines, so every style is given the fonts the PDFs use (see
``docs/architecture.md``). A paragraph whose text starts with a right-to-left letter is laid
out right to left (``w:bidi``) with its runs marked so (``w:rtl``), whatever the language of
the document around it.
"""

import unicodedata

LATIN_FONT = "Noto Sans"
ARABIC_FONT = "Noto Naskh Arabic"
CHINESE_FONT = "Noto Sans CJK SC"
_THEME_ATTRIBUTES = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def is_right_to_left(text: str) -> bool:
    """Whether the first letter with a direction reads right to left (Unicode's rule P2)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def use_script_fonts(document) -> None:
    """Give the document's defaults, every style and every part of a table style the fonts
    of each script."""
    from docx.oxml import OxmlElement  # noqa: PLC0415 heavy (python-docx), loaded only when used
    from docx.oxml.ns import qn  # noqa: PLC0415 heavy (python-docx), loaded only when used

    styles = document.styles.element
    holders = [styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))]
    holders += styles.findall(qn("w:style"))
    for holder in holders:
        if hasattr(holder, "get_or_add_rPr"):  # a style: its rPr goes where the schema says
            properties = holder.get_or_add_rPr()
        else:
            properties = holder.find(qn("w:rPr"))
            if properties is None:
                properties = OxmlElement("w:rPr")
                holder.append(properties)
        properties.get_or_add_rFonts()
    for fonts in styles.iter(qn("w:rFonts")):  # table styles' parts (first row...) included
        for attribute in _THEME_ATTRIBUTES:
            fonts.attrib.pop(qn(f"w:{attribute}"), None)
        for attribute, font in (("ascii", LATIN_FONT), ("hAnsi", LATIN_FONT),
                                ("cs", ARABIC_FONT), ("eastAsia", CHINESE_FONT)):
            fonts.set(qn(f"w:{attribute}"), font)


# What may follow ``w:bidi`` in a paragraph's properties (the schema fixes their order).
_AFTER_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
               "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
               "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
               "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def set_direction(paragraph) -> None:
    """Lay a paragraph out right to left when its text starts with a right-to-left letter."""
    from docx.oxml import OxmlElement  # noqa: PLC0415 heavy (python-docx), loaded only when used

    if not is_right_to_left(paragraph.text):
        return
    properties = paragraph._p.get_or_add_pPr()
    properties.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)
    for run in paragraph.runs:
        run.font.rtl = True


def set_directions(document, *, right_to_left: bool = False) -> None:
    """:func:`set_direction` on every paragraph, table cells' included; in a document whose
    language reads right to left, tables also run from right to left (``w:bidiVisual``)."""
    from docx.oxml import OxmlElement  # noqa: PLC0415 heavy (python-docx), loaded only when used

    for paragraph in document.paragraphs:
        set_direction(paragraph)
    for table in document.tables:
        if right_to_left:
            table._tbl.tblPr.insert_element_before(
                OxmlElement("w:bidiVisual"), "w:tblStyleRowBandSize", "w:tblStyleColBandSize",
                "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd",
                "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
                "w:tblDescription", "w:tblPrChange")
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    set_direction(paragraph)
