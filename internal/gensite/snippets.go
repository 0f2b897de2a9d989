package gensite

// The code of the rich posts: short programs, configuration and terminal
// output of the kinds Korean ML and developer blogs show, in the languages
// they label their fences with. Written for these benchmarks.

// snippet is a fenced block's info string and code (ending in a newline).
type snippet struct{ lang, code string }

// richSnippets are the labelled blocks, cycled one to a section.
var richSnippets = []snippet{
	{"go", `// Server는 모델 서버에 요청을 모아 보낸다.
type Server struct {
	mu      sync.Mutex
	pending []Request
	flush   time.Duration
}

func (s *Server) Enqueue(r Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending = append(s.pending, r)
	if len(s.pending) >= 8 {
		go s.send(s.pending)
		s.pending = nil
	}
}
`},
	{"python", `import torch
import torch.nn as nn

class Attention(nn.Module):
    """스케일드 닷 프로덕트 어텐션."""

    def __init__(self, d_model: int, n_heads: int = 8):
        super().__init__()
        self.qkv = nn.Linear(d_model, 3 * d_model)
        self.scale = (d_model // n_heads) ** -0.5

    def forward(self, x):
        q, k, v = self.qkv(x).chunk(3, dim=-1)
        w = (q @ k.transpose(-2, -1)) * self.scale
        return w.softmax(dim=-1) @ v
`},
	{"js", `// 요청 지연 시간을 화면에 그린다.
const ctx = document.getElementById("latency").getContext("2d");
fetch("/api/metrics?window=5m")
  .then((res) => res.json())
  .then(({ p50, p99 }) => {
    new Chart(ctx, {
      type: "line",
      data: { labels: p50.map((_, i) => i), datasets: [{ label: "p99", data: p99 }] },
    });
  })
  .catch((err) => console.error("지표를 읽지 못했다:", err));
`},
	{"bash", `#!/usr/bin/env bash
set -euo pipefail
# 모델 가중치를 받아 압축을 푼다.
for shard in 00 01 02 03; do
  curl -fsSL "https://models.example.com/bert/shard-${shard}.tar.gz" -o "/tmp/s${shard}.tgz"
  tar -xzf "/tmp/s${shard}.tgz" -C ./weights
done
echo "받은 파일: $(ls weights | wc -l)개"
`},
	{"yaml", `# 배포 설정
apiVersion: apps/v1
kind: Deployment
metadata:
  name: model-server
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: server
          image: registry.example.com/model-server:1.4.2
          resources:
            limits: { nvidia.com/gpu: 1, memory: 16Gi }
          env:
            - name: BATCH_SIZE
              value: "8"
`},
	{"json", `{
  "model": "bert-base-multilingual",
  "max_seq_len": 512,
  "batch_size": 8,
  "optimizer": { "name": "adamw", "lr": 3e-5, "weight_decay": 0.01 },
  "labels": ["긍정", "부정", "중립"],
  "fp16": true
}
`},
	{"sql", `-- 일별 요청 수와 p99 지연 시간
SELECT date_trunc('day', created_at) AS day,
       count(*) AS requests,
       percentile_cont(0.99) WITHIN GROUP (ORDER BY latency_ms) AS p99
  FROM inference_log
 WHERE created_at >= now() - interval '30 days'
   AND status = 'ok'
 GROUP BY 1
 ORDER BY 1;
`},
	{"javascript", `export async function* batches(items, size = 8) {
  let batch = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
`},
	{"dockerfile", `FROM python:3.11-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["uvicorn", "serve:app", "--host", "0.0.0.0", "--port", "8080"]
`},
	{"cpp", `// 소프트맥스를 안정적으로 계산한다.
std::vector<float> softmax(const std::vector<float>& z) {
    float m = *std::max_element(z.begin(), z.end());
    std::vector<float> out(z.size());
    float sum = 0.0f;
    for (size_t i = 0; i < z.size(); ++i) {
        out[i] = std::exp(z[i] - m);
        sum += out[i];
    }
    for (auto& v : out) v /= sum;
    return out;
}
`},
}

// trainPy is the code every third section shows in a
// {% highlight python linenos %} block.
const trainPy = `from torch.utils.data import DataLoader

def train(model, dataset, epochs=3, lr=3e-5):
    loader = DataLoader(dataset, batch_size=32, shuffle=True)
    opt = torch.optim.AdamW(model.parameters(), lr=lr)
    for epoch in range(epochs):
        total = 0.0
        for x, y in loader:
            opt.zero_grad()
            loss = nn.functional.cross_entropy(model(x), y)
            loss.backward()
            opt.step()
            total += loss.item()
        print(f"epoch {epoch}: 손실 {total / len(loader):.4f}")
`

// treeOut is the unlabelled fence: a folder listing.
const treeOut = `serving/
├── Dockerfile
├── requirements.txt
├── serve.py        # FastAPI 앱
├── model/
│   ├── config.json
│   └── weights.safetensors
└── tests/
    └── test_serve.py
`

// consoleLog is the terminal session inside the rich posts' <details>.
const consoleLog = `$ python train.py --epochs 3
epoch 0: 손실 0.6931
epoch 1: 손실 0.4127
epoch 2: 손실 0.3318
$ nvidia-smi --query-gpu=memory.used --format=csv
memory.used [MiB]
14250 MiB
`

// plainSnippets are blocks under names that mean plain text, a terminal
// session, or nothing a highlighter knows (mermaid, pseudo, output).
var plainSnippets = []snippet{
	{"text", "요청 ─▶ 큐 ─▶ 배치(8개) ─▶ GPU ─▶ 응답\n평균 대기: 12ms, 최대 대기: 40ms\n"},
	{"console", "$ curl -s localhost:8080/health\n{\"status\":\"ok\",\"gpu\":true}\n$ curl -s -X POST localhost:8080/predict -d '{\"text\":\"좋아요\"}'\n{\"label\":\"긍정\",\"score\":0.97}\n"},
	{"shell-session", "$ docker build -t model-server .\n$ docker run --gpus all -p 8080:8080 model-server\nINFO:     Uvicorn running on http://0.0.0.0:8080\n"},
	{"none", "입력: 오늘 날씨가 정말 좋네요\n출력: 긍정 (0.97)\n"},
	{"mermaid", "graph LR\n  A[클라이언트] --> B[로드 밸런서]\n  B --> C[서버 1]\n  B --> D[서버 2]\n"},
	{"pseudo", "for each batch B in queue:\n    wait until |B| = 8 or 40ms passed\n    run model on B\n"},
	{"output", "Accuracy: 0.912\nF1 (macro): 0.887\n처리 시간: 3분 12초\n"},
}
