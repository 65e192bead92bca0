"""Mandates given by reference to a report, on real resolution paragraphs (English) and official-style French."""

from ssrhub.coding.by_reference import citation, cited_report_paragraphs, cited_reports, mandates_by_reference

# S/RES/898 (1994) op. 2 and S/RES/797 (1992) with its preamble, as printed in the shared corpus.
S_RES_898_OP2 = (
    'Authorizes the establishment of a United Nations police component of up to 1,144 personnel as an integral '
    'part of ONUMOZ with the mandate and deployment described in paragraphs 9 to 18 of document S/1994/89/Add.1;'
)
S_RES_797_OP2 = (
    'Decides to establish a United Nations Operation in Mozambique as proposed by the Secretary-General and in line '
    'with the General Peace Agreement for Mozambique, and requests the Secretary-General in planning and executing '
    'the deployment of the Operation to seek economies through, inter alia, phased deployment and to report '
    'regularly on what is achieved in this regard;'
)
S_RES_882_PP = 'Having considered the report of the Secretary-General of 1 November 1993 (S/26666 and Add.1),'
S_RES_882_OP12 = (
    'Decides to renew the mandate of ONUMOZ for a period of six months, subject to the proviso that the Security '
    'Council will review the status of the mandate of ONUMOZ within 90 days based on a report by the '
    'Secretary-General as described in paragraph 13;'
)


def test_a_mandate_described_in_a_cited_document_names_it():
    [found] = mandates_by_reference([('2', S_RES_898_OP2)])
    assert found.paragraph == '2'
    assert found.reports == ('S/1994/89/Add.1',)
    assert not found.from_preamble
    assert found.report_paragraphs == tuple(str(number) for number in range(9, 19))
    assert citation('S/RES/898 (1994)', '2', 'S/1994/89/Add.1', found.report_paragraphs) == (
        'S/RES/898 (1994) op. 2 -> S/1994/89/Add.1 paras. 9-18'
    )


def test_as_proposed_by_the_secretary_general_points_to_the_preamble_reports():
    [found] = mandates_by_reference([('2', S_RES_797_OP2)], [S_RES_882_PP])
    assert found.reports == ('S/26666', 'S/26666/Add.1')
    assert found.from_preamble


def test_a_proposal_without_a_symbol_anywhere_is_kept_with_no_report():
    [found] = mandates_by_reference([('2', S_RES_797_OP2)], ['Recalling its resolution 782 (1992),'])
    assert found.reports == ()


def test_requests_and_own_wording_are_not_mandates_by_reference():
    paragraphs = [
        ('3', 'Requests the Secretary-General to keep the Council informed and to submit a report by 31 March 1993;'),
        ('4', 'Decides to extend the mandate of ONUMOZ until 31 October 1993;'),
        ('5', 'Urges the parties to comply with the recommendations of the Secretary-General;'),
        ('12', S_RES_882_OP12),
        (
            '5',
            'Decides to keep under constant review the operational arrangements to implement the mandate contained in '
            'this resolution, in the light of developments;',
        ),
    ]
    assert mandates_by_reference(paragraphs, [S_RES_882_PP]) == []


def test_french_wording():
    text = (
        'Décide de créer une Opération des Nations Unies au Mozambique telle que proposée par le Secrétaire général '
        'dans son rapport (S/24892 et Add.1);'
    )
    [found] = mandates_by_reference([('2', text)])
    assert found.reports == ('S/24892', 'S/24892/Add.1')
    assert mandates_by_reference([('3', 'Prie le Secrétaire général de lui présenter un rapport;')]) == []


def test_cited_reports_reads_addenda_and_ignores_resolutions():
    assert cited_reports('reports S/24892 and Add.1, S/1994/12 and resolution S/RES/797 (1992)') == (
        'S/24892',
        'S/24892/Add.1',
        'S/1994/12',
    )


def test_the_paragraphs_of_the_report_are_read_and_those_of_a_resolution_are_not():
    """Wording from S/RES/712 (1991) op. 3, 847 (1993) op. 1, 815 (1993) op. 1, 892 (1994) op. 2 and 319 (1972)."""
    assert cited_report_paragraphs(
        "Approves the recommendations contained in paragraphs 57 (d) and 58 of the Secretary-General's report;"
    ) == ('57 (d)', '58')
    assert cited_report_paragraphs(
        'the request for additional resources contained in paragraphs 22, 24 and 25 of his report of 15 May 1993;'
    ) == ('22', '24', '25')
    assert cited_report_paragraphs('Approves the report of the Secretary-General, in particular its paragraph 5;') == (
        '5',
    )
    assert cited_report_paragraphs('to perform the functions described in paragraph 4 of resolution 881 (1993)') == ()
    assert (
        cited_report_paragraphs('to assist him in the discharge of his mandate as set out in paragraph 4 above:') == ()
    )
    assert cited_report_paragraphs(
        'conformément aux recommandations figurant aux paragraphes 36 et 37 du rapport du Secrétaire général'
    ) == ('36', '37')


def test_a_citation_names_single_paragraphs_runs_and_sub_items():
    assert citation('S/RES/775 (1992)', '3', 'S/24480', ('37',)) == 'S/RES/775 (1992) op. 3 -> S/24480 para. 37'
    assert citation('S/RES/712 (1991)', '3', 'S/22898', ('57 (d)', '58', '59')) == (
        'S/RES/712 (1991) op. 3 -> S/22898 paras. 57 (d), 58-59'
    )
    assert citation('S/RES/797 (1992)', '2', 'S/24892') == 'S/RES/797 (1992) op. 2 -> S/24892'
