const fs=require("fs"); const f=fs.readdirSync("/tmp/cpuprof")[0]; const p=JSON.parse(fs.readFileSync("/tmp/cpuprof/"+f));
const self=new Map(); const dt=p.timeDeltas; const idx=new Map(p.nodes.map((n,i)=>[n.id,n]));
const counts=new Map(); p.samples.forEach((s,i)=>counts.set(s,(counts.get(s)||0)+(dt[i]||0)));
for (const [id,t] of counts){const n=idx.get(id); const k=(n.callFrame.functionName||"(anon)")+" "+n.callFrame.url.split("/").slice(-1).join("/")+":"+n.callFrame.lineNumber; self.set(k,(self.get(k)||0)+t);}
const tot=[...self.values()].reduce((a,b)=>a+b,0);
console.log([...self].sort((a,b)=>b[1]-a[1]).slice(0,+process.argv[2]||30).map(([k,t])=>(t/tot*100).toFixed(1)+"% "+k).join("\n"))
