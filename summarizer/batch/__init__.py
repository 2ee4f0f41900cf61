"""Many articles through a batch service: the OpenAI Batch API, or ``vllm run_batch`` on GPU nodes.

``summarizer batch prepare`` writes the exact chat requests that ``summarizer run`` would send first, one
JSON line each in the OpenAI batch input format: ``{"custom_id", "method": "POST", "url":
"/v1/chat/completions", "body": {messages, model, max_tokens, response_format, temperature}}``, one
request per part of each article (a long article is split as always). The service answers in the
OpenAI batch output format (``{"custom_id", "response": {"status_code", "body"}, "error"}``), in any
order, possibly split over several files.

``summarizer batch finish`` reads the same inputs again and the results, validates each answer as a live
call would, post-processes it (quotes, dates, places, casualties, grounding: no model call) and writes
the same JSON Lines or CSV as ``summarizer run``, resumably. An answer that does not validate is a
pass short: ``--next`` writes its re-ask (the request, the model's answer and the validation error,
as instructor would send it) as the next pass's request file; ``--reask`` asks the configured model
now. Each pass is one round of prepare (or ``--next``) and finish.

    ids       custom ids: ``ARTICLE-ID#PART/PARTS@PASS``
    requests  the request lines of an article (prepare, and the next pass)
    results   reading result files, and finishing articles from them
    cli       ``summarizer batch prepare`` / ``summarizer batch finish``
"""
