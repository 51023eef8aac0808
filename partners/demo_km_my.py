"""The partner directory in Khmer and Burmese, and the Cambodian partnership of seed 003 as Khmer profiles.

``/work/shared/seeds/003_6f71f898c92da9af.txt`` is Oxfam's leaflet on its natural-resource governance
programme in Cambodia, in English and Khmer: Oxfam worked "in close partnership with five local NGOs" and the
sub-national authorities (the Deputy Governor of Stung Treng is quoted), funded by the European Union. The
profiles are written in Khmer first (the leaflet's Khmer, "អង្គការអ្នកស្វាម" for Oxfam as it spells it, with
its scanning slips such as "កាត់ពាក់ព័ន្ធ" for "ភាគីពាក់ព័ន្ធ" mended) with English translations from its English. The leaflet does not name the five NGOs, so they are one profile, as
the 002 seed's partner kinds are; it gives no contacts, dates or districts, so none are made up here.
"""

from site_project.factories import publish_translation

from .factories import PartnerPageFactory
from .models import PartnerIndexPage, PartnerPage, Service, WorkingLanguage

INDEX = {
    "km": {
        "title": "ដៃគូ",
        "intro": "ដៃគូដែលធ្វើការជាមួយយើង រួមទាំងភាពជាដៃគូនៅកម្ពុជា លើអភិបាលកិច្ចដីធ្លី និងធនធានធម្មជាតិ។",
    },
    "my": {
        "title": "မိတ်ဖက်များ",
        "intro": "ကျွန်ုပ်တို့နှင့်အတူ လုပ်ဆောင်သော မိတ်ဖက် အဖွဲ့အစည်းများ။ မြန်မာဘာသာဖြင့် အဖွဲ့အစည်း အချက်အလက်များကို ပြင်ဆင်နေဆဲ ဖြစ်သည်။",
    },
}

_PROJECT_KM = (
    "គោលដៅដ៏សំខាន់មួយរបស់គម្រោង គឺជួយដល់ប្រជាពលរដ្ឋ អង្គការមិនមែនរដ្ឋាភិបាល អង្គការសហគមន៍មូលដ្ឋាន "
    "និងអាជ្ញាធរឲ្យសហការគ្នាកាន់តែជិតស្និទ្ធជាងមុនលើការងារអភិបាលកិច្ចដីធ្លី និងធនធានធម្មជាតិ "
    "និងផ្តល់ជាយន្តការសម្រាប់ភាគីពាក់ព័ន្ធទាំងអស់ក្នុងការដោះស្រាយវិវាទ ។"
)
_PROJECT_EN = (
    "One of the core aims of the project was to help individuals, NGOs and community-based organizations, and "
    "state authorities work together more effectively on governance of land and natural resources, and to give "
    "all stakeholders the tools to resolve disputes."
)

CAMBODIAN_PARTNERS = (
    {
        "slug": "oxfam-natural-resource-governance-program",
        "kind": "international_ngo",
        "services": ("advocacy", "research"),
        "languages": ("km", "en"),
        "km": {
            "title": "កម្មវិធីអភិបាលកិច្ចធនធានធម្មជាតិ នៃអង្គការអ្នកស្វាម",
            "description": "\n\n".join(
                (
                    _PROJECT_KM,
                    "តាមរយៈវគ្គបណ្តុះបណ្តាល សិក្ខាសាលា និងទស្សនកិច្ចផ្លាស់ប្តូរបទពិសោធន៍នៅបរទេសជាបន្តបន្ទាប់ "
                    "អង្គការអ្នកស្វាមបានជួយលើកកម្ពស់ភាពជាដៃគូរវាងអាជ្ញាធរមូលដ្ឋាន និងភាគីពាក់ព័ន្ធក្នុងសហគមន៍ "
                    "ដែលជំរុញឲ្យមានកិច្ចសហការ និងគណនេយ្យភាពកាន់តែខ្លាំងជាងមុន ក្នុងការដោះស្រាយវិវាទ ។",
                    "ឧបត្ថម្ភថវិកាដោយ សហភាពអឺរ៉ុប ។",
                )
            ),
        },
        "en": {
            "title": "Oxfam: Natural Resource Governance Program",
            "description": "\n\n".join(
                (
                    _PROJECT_EN,
                    "Through a series of training exercises, seminars and international exchange visits, Oxfam "
                    "promoted partnerships between local authorities and community stakeholders that fostered a "
                    "stronger sense of cooperation and accountability in dispute resolution.",
                    "Funded by the European Union.",
                )
            ),
        },
    },
    {
        "slug": "cambodian-local-ngos-natural-resource-governance",
        "kind": "ngo",
        "services": ("advocacy",),
        "languages": ("km",),
        "km": {
            "title": "អង្គការមិនមែនរដ្ឋាភិបាលក្នុងស្រុកចំនួន ៥ នៃកម្មវិធីអភិបាលកិច្ចធនធានធម្មជាតិ",
            "description": "ដោយសហការជាដៃគូយ៉ាងជិតស្និទ្ធជាមួយនឹងអង្គការមិនមែនរដ្ឋាភិបាលក្នុងស្រុកចំនួន ៥ "
            "អង្គការ អ្នកស្វាមបានជួយគាំទ្រដល់ការងារចែករំលែកព័ត៌មាន និងកិច្ចពិភាក្សាលើគោលនយោបាយ "
            "ដែលជួយផ្តល់អំណាចដល់ប្រជាពលរដ្ឋមូលដ្ឋាន ក្នុងការតស៊ូមតិលើការងារអភិបាលកិច្ចធនធានធម្មជាតិ "
            "និងដីធ្លីប្រកបដោយនិរន្តរភាព ។",
        },
        "en": {
            "title": "Five local NGOs of the Natural Resource Governance Program",
            "description": "In close partnership with five local NGOs, Oxfam supported information sharing and "
            "policy discussion across a network that empowered local citizens to advocate for sustainable "
            "natural resource and land governance.",
        },
    },
    {
        "slug": "stung-treng-provincial-administration",
        "kind": "government",
        "services": (),
        "languages": ("km",),
        "km": {
            "title": "រដ្ឋបាលខេត្តស្ទឹងត្រែង",
            "description": "អាជ្ញាធរថ្នាក់ក្រោមជាតិ ដែលបានចូលរួមក្នុងកម្មវិធីអភិបាលកិច្ចធនធានធម្មជាតិ "
            "ជាមួយអង្គការមិនមែនរដ្ឋាភិបាល និងសហគមន៍មូលដ្ឋាន។\n\n"
            "«គម្រោងនេះបានជួយសម្របសម្រួលការចូលរួមរវាងអង្គការមិនមែនរដ្ឋាភិបាល និងសហគមន៍ "
            "ជាពិសេសរវាងអាជ្ញាធរថ្នាក់ក្រោមជាតិ និងអង្គការមិនមែនរដ្ឋាភិបាល។» "
            "លោក ជា ថាវរិទ្ធ អភិបាលរងខេត្តស្ទឹងត្រែង ។",
        },
        "en": {
            "title": "Stung Treng Provincial Administration",
            "description": "A sub-national authority that took part in the Natural Resource Governance Program "
            "with NGOs and local communities.\n\n"
            "“This project has facilitated engagement between NGOs and communities, especially between the "
            "sub-national authorities and NGOs.” Mr. Chea Thavrith, Deputy Governor, Stung Treng.",
        },
    },
)


def _khmer_partner(index: PartnerIndexPage, data: dict) -> PartnerPage:
    existing = PartnerPage.objects.child_of(index).filter(slug=data["slug"]).first()
    if existing is not None:
        return existing
    page = PartnerPageFactory(
        parent=index, locale=index.locale, slug=data["slug"], kind=data["kind"], **data["km"]
    )
    page.services.set(Service.objects.filter(slug__in=data["services"]))
    page.working_languages.set(WorkingLanguage.objects.filter(slug__in=data["languages"]))
    page.save_revision().publish()
    return page


def load_cambodian_partners(indexes: dict[str, PartnerIndexPage]) -> list[PartnerPage]:
    """The Cambodian partnership's profiles, written in Khmer, each with its English translation."""
    if "km" not in indexes:
        return []
    pages = []
    for data in CAMBODIAN_PARTNERS:
        khmer = _khmer_partner(indexes["km"], data)
        publish_translation(khmer, "en", update=False, **data["en"])
        pages.append(khmer)
    return pages
